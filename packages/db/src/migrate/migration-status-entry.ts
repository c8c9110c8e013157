// The `@updraft/db/migration-status` entry: readiness probes import only this,
// so their bundles do not pull in the Prisma client.
export { readMigrationStatus, type MigrationStatus } from "./read-migration-status";
export {
  checkDatabaseReadiness,
  describeMigrationProblems,
  READINESS_TIMEOUT_MS,
  type DatabaseReadiness,
  type ReadinessCheck,
} from "./check-database-readiness";
export { defaultMigrationsDir } from "./default-migrations-dir";
