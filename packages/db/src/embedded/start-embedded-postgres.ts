import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { z } from "zod";
import { postgresUrl } from "./postgres-url";
import { readOrCreatePassword } from "./read-or-create-password";
import { startPostgresCluster } from "./start-postgres-cluster";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const EMBEDDED_DATABASE = "updraft";

export interface StartEmbeddedPostgresOptions {
  /** Updraft's data directory (e.g. `.updraft`); Postgres lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Default 54329. */
  port?: number;
  logger?: Logger;
}

export interface EmbeddedPostgres {
  /** postgres://… URL of the "updraft" database. */
  url: string;
  port: number;
  /** Shuts Postgres down cleanly; data stays in dataDir. Safe to call more than once. */
  stop(): Promise<void>;
}

const optionsSchema = z.object({
  dataDir: z.string().min(1, "must be a directory path"),
  port: z.number().int().min(1).max(65535).default(DEFAULT_EMBEDDED_PORT),
});

/**
 * Starts Updraft's own Postgres, keeping its data in `<dataDir>/pg` across
 * restarts. The first start initialises the cluster, stores a random
 * superuser password in `<dataDir>/pg-password` (mode 0600) and creates the
 * database "updraft". Stopping it is the caller's job (call stop() on
 * SIGINT/SIGTERM).
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const parsed = optionsSchema.safeParse({ dataDir: options.dataDir, port: options.port });
  if (!parsed.success) throw new Error(`Invalid embedded Postgres options:\n${z.prettifyError(parsed.error)}`);
  const { port } = parsed.data;
  const { logger } = options;
  const dataDir = resolve(parsed.data.dataDir);
  const clusterDir = join(dataDir, "pg");

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = await readOrCreatePassword(join(dataDir, "pg-password"), {
    clusterExists: existsSync(join(clusterDir, "PG_VERSION")),
    logger,
  });
  const cluster = await startPostgresCluster({ clusterDir, port, password, persistent: true, logger });
  try {
    await ensureDatabase(postgresUrl({ password, port, database: "postgres" }), EMBEDDED_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  logger?.info({ port, dataDir }, "embedded Postgres is running");
  return { url: postgresUrl({ password, port, database: EMBEDDED_DATABASE }), port, stop: cluster.stop };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
