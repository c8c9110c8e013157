export { migrate, type MigrateOptions, type MigrateResult } from "./migrate";
export { migrationChecksum } from "./migration-checksum";
export { defaultMigrationsDir } from "./default-migrations-dir";
export { PRISMA_MIGRATE_LOCK_KEY } from "./advisory-lock";
