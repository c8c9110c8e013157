import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitUntil } from "@updraft/config/wait-until";
import { startTestPostgres } from "@updraft/db/testing";
import type { TestProject } from "vitest/node";
import { freePort } from "./free-port";
import { seedSecondTenant, SECOND_TENANT } from "./seed-second-tenant";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
    /** The app's database, for specs that set up what the UI cannot (e.g. a user who is not a platform admin). */
    databaseUrl: string;
    /** A second tenant and its owner (not a platform admin), seeded next to the demo tenant "acme". */
    otherTenantSlug: string;
    otherEmail: string;
    otherPassword: string;
  }
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Starts the whole product the way a user does (`updraft start`, i.e. what
 * `npm start` runs) against a throwaway Postgres, on a free port.
 */
export default async function setup(project: TestProject) {
  const pg = await startTestPostgres();
  const database = await pg.createDatabase();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "updraft-e2e-"));
  const adminEmail = "e2e-admin@updraft.local";
  const adminPassword = "e2e-correct-horse-battery";
  const output: string[] = [];

  const app: ChildProcess = spawn(process.execPath, [join(repoRoot, "apps/cli/dist/updraft.mjs"), "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      UPDRAFT_DATA_DIR: dataDir,
      UPDRAFT_ADMIN_EMAIL: adminEmail,
      UPDRAFT_ADMIN_PASSWORD: adminPassword,
      NEXTAUTH_URL: `http://localhost:${port}`,
      // With DATABASE_URL set, `updraft start` needs the key for connections and secrets.
      UPDRAFT_SECRET_KEY: randomBytes(32).toString("base64"),
      // Any free ports: a developer's own `npm start` may hold the default metrics ports.
      UPDRAFT_WEB_METRICS_PORT: "0",
      UPDRAFT_SCHEDULER_METRICS_PORT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  app.stderr?.on("data", (d: Buffer) => output.push(d.toString()));

  const baseUrl = `http://localhost:${port}`;
  // Until it answers, however long a busy machine takes to start it; `updraft start` exits if it cannot start.
  await waitUntil(
    async () => {
      if (app.exitCode !== null) throw new Error(`updraft start exited early (${app.exitCode}):\n${output.join("")}`);
      try {
        return (await fetch(`${baseUrl}/api/health`)).ok;
      } catch {
        return undefined; // not listening yet
      }
    },
    () => `Updraft to answer on ${baseUrl}; its output so far:\n${output.join("")}`,
    { pollMs: 250 },
  );

  project.provide("baseUrl", baseUrl);
  project.provide("adminEmail", adminEmail);
  project.provide("adminPassword", adminPassword);
  project.provide("databaseUrl", database.url);
  // `updraft start` migrated the database; the second tenant goes in next to the demo one.
  await seedSecondTenant(database.url);
  project.provide("otherTenantSlug", SECOND_TENANT.slug);
  project.provide("otherEmail", SECOND_TENANT.ownerEmail);
  project.provide("otherPassword", SECOND_TENANT.ownerPassword);

  return async () => {
    if (app.exitCode === null) {
      const exited = new Promise((r) => app.once("exit", r));
      app.kill("SIGTERM");
      const force = setTimeout(() => app.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(force);
    }
    app.stdout?.destroy();
    app.stderr?.destroy();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
