// Applies pending migrations to DATABASE_URL: `npm run migrate -w @updraft/db`.
import pino from "pino";
import { migrate } from "./migrate";
import { redactUrl } from "./describe-pg-error";

const logger = pino({ name: "updraft-migrate" });
const url = process.env.DATABASE_URL;

if (!url) {
  console.error(
    "DATABASE_URL is not set. Run: DATABASE_URL=postgres://user:password@host:5432/database npm run migrate -w @updraft/db",
  );
  process.exitCode = 2;
} else {
  try {
    const { applied } = await migrate(url, { logger, migrationsDir: process.env.UPDRAFT_MIGRATIONS_DIR || undefined });
    logger.info(
      { database: redactUrl(url), applied },
      applied.length === 0 ? "database is up to date" : `applied ${applied.length} migration(s)`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
