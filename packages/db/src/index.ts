export { createDb, type Db, type Tx, type DbOrTx } from "./client";
export * from "./generated/prisma/client";
export { migrate, migrationChecksum, defaultMigrationsDir, type MigrateOptions, type MigrateResult } from "./migrate";
export { readMigrationStatus, type MigrationStatus } from "./migrate/read-migration-status";
export { hashPassword, verifyPassword } from "./passwords";
export {
  createUser,
  createTenant,
  addMembership,
  normalizeEmail,
  type CreateUserInput,
  type CreateTenantInput,
  type AddMembershipInput,
} from "./factories";
export {
  seedDemo,
  DEMO_TENANT_SLUG,
  DEMO_TENANT_NAME,
  DEFAULT_ADMIN_EMAIL,
  type SeedDemoOptions,
  type SeedDemoResult,
} from "./seed/seed-demo";
