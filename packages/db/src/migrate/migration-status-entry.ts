// The `@updraft/db/migration-status` entry: readiness probes import only this,
// so their bundles do not pull in the Prisma client.
export { readMigrationStatus, type MigrationStatus } from "./read-migration-status";
export { defaultMigrationsDir } from "./default-migrations-dir";
