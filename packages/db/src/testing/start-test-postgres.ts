import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { findFreePort, PortInUseError } from "../embedded/ports";
import { postgresUrl, withDatabase } from "../embedded/postgres-url";
import { startPostgresCluster, type PostgresCluster } from "../embedded/start-postgres-cluster";
import { migrate } from "../migrate/migrate";
import { createScratchDatabase, TEMPLATE_DATABASE, type ScratchDatabase } from "./scratch-database";

export interface TestPostgres {
  /** Superuser URL of the "postgres" database: use it to create/drop databases. */
  adminUrl: string;
  /** Name of the migrated template database that createDatabase() clones. */
  templateDatabase: string;
  /** A fresh, migrated database (a clone of the template). */
  createDatabase(): Promise<ScratchDatabase>;
  /** Stops the server and deletes all its data. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * A throwaway Postgres for tests and benchmarks: temporary directory, free
 * port, durability switched off for speed, and a template database with all
 * migrations applied.
 */
export async function startTestPostgres(options: { logger?: Logger; migrationsDir?: string } = {}): Promise<TestPostgres> {
  const dir = await mkdtemp(join(tmpdir(), "updraft-test-pg-"));
  const password = randomBytes(16).toString("hex");
  let cluster: PostgresCluster | undefined;
  try {
    for (let attempt = 1; !cluster; attempt++) {
      const port = await findFreePort();
      try {
        cluster = await startPostgresCluster({
          clusterDir: join(dir, "pg"),
          port,
          password,
          persistent: false,
          logger: options.logger,
          settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_connections: "400" },
        });
      } catch (error) {
        // Another process took the port between finding and binding it.
        if (!(error instanceof PortInUseError) || attempt >= 5) throw error;
      }
    }
    const adminUrl = postgresUrl({ password, port: cluster.port, database: "postgres" });
    await createTemplate(adminUrl, options);

    const running = cluster;
    let stopped: Promise<void> | undefined;
    return {
      adminUrl,
      templateDatabase: TEMPLATE_DATABASE,
      createDatabase: () => createScratchDatabase(adminUrl),
      stop: () =>
        (stopped ??= (async () => {
          await running.stop();
          await rm(dir, { recursive: true, force: true });
        })()),
    };
  } catch (error) {
    await cluster?.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function createTemplate(adminUrl: string, options: { logger?: Logger; migrationsDir?: string }): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(TEMPLATE_DATABASE)}`);
    await migrate(withDatabase(adminUrl, TEMPLATE_DATABASE), {
      logger: options.logger,
      migrationsDir: options.migrationsDir,
    });
    // migrate() has disconnected; refuse further connections so nothing can
    // hold the template open while test files clone it in parallel.
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
  } finally {
    await admin.end();
  }
}
