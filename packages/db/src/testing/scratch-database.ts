import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "../embedded/postgres-url";

/** The migrated database every test database is cloned from. */
export const TEMPLATE_DATABASE = "updraft_template";

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops the database, disconnecting anyone still connected. Safe to call more than once. */
  drop(): Promise<void>;
}

const OBJECT_IN_USE = "55006";

/**
 * Creates a database with a random name on the server of `adminUrl`: a copy
 * of `template` (default: the migrated template), or empty with `template: null`.
 */
export async function createScratchDatabase(
  adminUrl: string,
  options: { template?: string | null } = {},
): Promise<ScratchDatabase> {
  const template = options.template === undefined ? TEMPLATE_DATABASE : options.template;
  const name = `t_${randomBytes(8).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const sql =
      `CREATE DATABASE ${client.escapeIdentifier(name)}` +
      (template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "");
    // CREATE DATABASE … TEMPLATE fails while any session is connected to the
    // template ("source database is being accessed by other users"); nothing
    // should be, but a session that is just closing can still be counted.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }

  let dropped: Promise<void> | undefined;
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => (dropped ??= dropDatabase(adminUrl, name)),
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
