import { createHash } from "node:crypto";
import { createTenant, type Tenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { createConnection, setSecret } from "@updraft/platform";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { TEST_KEYRING } from "../testing/test-keyring";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";

const t = useTestDatabase();
let tenant: Tenant;
let scheduler: RunningScheduler;

const API_TOKEN = "tok_9f8e7d6c5b4a";
const PASSWORD = "p@ss w0rd/42";
const ENCODED_PASSWORD = "p%40ss%20w0rd%2F42";

beforeAll(async () => {
  tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
  scheduler = await startScheduler({ keyring: TEST_KEYRING, databaseUrl: t.url, executor: "local", pollIntervalMs: 200, logger: pino({ level: "silent" }) });
  await setSecret(t.db, TEST_KEYRING, { tenantId: tenant.id, name: "api_token", value: API_TOKEN });
  await createConnection(t.db, TEST_KEYRING, {
    tenantId: tenant.id,
    canSetSecrets: true,
    connection: { connId: "warehouse", connType: "postgres", host: "db.internal", port: 5432, login: "etl", password: PASSWORD, schema: "dw" },
  });
});
afterAll(async () => {
  await scheduler?.stop();
});

async function runDag(source: string) {
  const dag = await uploadDag(t.db, tenant.id, source);
  const { id } = await triggerDagRun(t.db, { tenantId: tenant.id, dagDbId: dag.dagDbId, triggeredById: null });
  const run = await waitForRunToFinish(t.db, id);
  const ti = run.taskInstances[0]!;
  const logs = await t.db.taskLog.findMany({ where: { taskInstanceId: ti.id }, orderBy: { id: "asc" } });
  const log = (stream: string) =>
    logs
      .filter((l) => l.stream === stream)
      .map((l) => l.content)
      .join("");
  const tries = await t.db.taskTry.findMany({ where: { taskInstanceId: ti.id } });
  return { run, ti, log, all: logs.map((l) => l.content).join(""), tries };
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A node script run as the task (its source is part of the DAG file, never a secret). */
const nodeTask = (script: string) => `[${JSON.stringify(process.execPath)}, -e, ${JSON.stringify(script)}]`;

describe("connections and secrets with the local executor", () => {
  it("gives a task UPDRAFT_CONN_<ID>, AIRFLOW_CONN_<ID> and its secrets, and stores *** instead of every value it prints", async () => {
    const script = `
      const crypto = require("node:crypto");
      const sha = (v) => crypto.createHash("sha256").update(v ?? "").digest("hex");
      const uri = process.env.UPDRAFT_CONN_WAREHOUSE;
      const password = decodeURIComponent(new URL(uri).password);
      console.log("hashes " + JSON.stringify({ token: sha(process.env.API_TOKEN), uri: sha(uri), airflow: sha(process.env.AIRFLOW_CONN_WAREHOUSE), password: sha(password) }));
      console.log("token=" + process.env.API_TOKEN);
      console.log("password=" + password);
      console.log("encoded=" + new URL(uri).password);
      console.log("uri=" + uri);
      console.error("stderr token " + process.env.API_TOKEN);
      process.stdout.write("split=" + password.slice(0, 5));
      setTimeout(() => process.stdout.write(password.slice(5) + " end\\n"), 300);`;
    const { run, ti, log, all, tries } = await runDag(`
dag_id: leaky
schedule: null
tasks:
  - task_id: leak
    connections: [warehouse]
    secrets: [api_token]
    env: { PLAIN: "visible" }
    command: ${nodeTask(script)}
`);
    expect(run.state, all).toBe("SUCCESS");

    const stdout = log("STDOUT");
    const hashes = JSON.parse(/^hashes (.*)$/m.exec(stdout)![1]!) as Record<string, string>;
    // The task got the real values: the secret as API_TOKEN, the connection's URI under both names.
    expect(hashes.token).toBe(sha256(API_TOKEN));
    expect(hashes.password).toBe(sha256(PASSWORD));
    expect(hashes.airflow).toBe(hashes.uri);
    // What is stored shows *** in their place, also for a value written in two parts with a pause between.
    expect(stdout).toContain("token=***\n");
    expect(stdout).toContain("password=***\n");
    expect(stdout).toContain("encoded=***\n");
    expect(stdout).toContain("uri=***\n");
    expect(stdout).toContain("split=*** end\n");
    expect(log("STDERR")).toBe("stderr token ***\n");
    for (const value of [API_TOKEN, PASSWORD, ENCODED_PASSWORD]) expect(all).not.toContain(value);

    // The values never reach the database with the try: its rendered env holds only the task's own variables.
    expect(tries).toHaveLength(1);
    expect(tries[0]!.renderedEnv).toEqual({ PLAIN: "visible" });
    expect(JSON.stringify(tries[0], (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(API_TOKEN);
    expect(ti.state).toBe("SUCCESS");
  });

  it("fails the try of a task listing a connection that does not exist, saying how to fix it", async () => {
    const { run, ti, tries } = await runDag(`
dag_id: needs_missing
schedule: null
tasks:
  - task_id: load
    connections: [missing_dw]
    command: [sh, -c, "echo should not run"]
`);
    expect(run.state).toBe("FAILED");
    expect(ti.state).toBe("FAILED");
    const message = 'connection "missing_dw" does not exist in tenant "acme": create it on the Connections page';
    expect(ti.message).toBe(message);
    expect(tries[0]!.message).toBe(message);
    expect(await t.db.taskLog.count({ where: { taskInstanceId: ti.id, stream: "STDOUT" } })).toBe(0);
  });

  it("fails the try of a task listing a secret that does not exist", async () => {
    const { run, ti } = await runDag(`
dag_id: needs_missing_secret
schedule: null
tasks:
  - task_id: call
    secrets: [api_token, nope_token]
    command: [sh, -c, "echo should not run"]
`);
    expect(run.state).toBe("FAILED");
    expect(ti.message).toBe('secret "nope_token" does not exist in tenant "acme": create it on the Secrets page');
  });
});
