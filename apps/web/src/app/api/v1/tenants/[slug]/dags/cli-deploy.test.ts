// `npx updraft deploy` end to end: the real CLI (a child process) against this
// route handler served over HTTP, on a real Postgres.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTenant } from "@updraft/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApiToken, useWebTestDatabase } from "@/app/api/_lib/testing/web-test-database";
import { POST } from "./route";

const CLI = fileURLToPath(new URL("../../../../../../../../cli/bin/updraft.js", import.meta.url));
const t = useWebTestDatabase();

let server: Server;
let url: string;
let token: string;
let tenantId: string;
let dir: string;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, UPDRAFT_TOKEN: token, UPDRAFT_URL: url } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  tenantId = (await createTenant(t.db, { slug: "acme" })).id;
  token = (await createTestApiToken(t.db, { tenantId, name: "ci", role: "AUTHOR" })).token;
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const slug = /^\/api\/v1\/tenants\/([^/]+)\/dags$/.exec(req.url ?? "")?.[1];
      const request = new Request(`${url}${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
        body: Buffer.concat(chunks),
      });
      const answer = slug ? POST(request, { params: Promise.resolve({ slug: decodeURIComponent(slug) }) }) : Promise.resolve(new Response("not found", { status: 404 }));
      void answer.then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), "updraft-cli-deploy-"));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("updraft deploy against the real endpoint", () => {
  it("deploys a folder, then refuses a broken one with the UI's error format and stores nothing", async () => {
    await writeFile(join(dir, "etl.yaml"), "dag_id: etl\nschedule: null\ntasks:\n  - task_id: a\n    command: [echo, hi]\n");
    const ok = await cli(["deploy", dir, "--tenant", "acme"]);
    expect(ok).toEqual({ code: 0, stdout: "✓ etl.yaml → etl version 1\nDeployed 1 file to acme.\n", stderr: "" });

    await writeFile(join(dir, "etl.yaml"), "dag_id: etl\nschedule: null\ntasks:\n  - task_id: a\n    command: [echo, changed]\n");
    await writeFile(join(dir, "ml.yaml"), "dag_id: ml\nschedule: null\ntasks:\n  - task_id: a\n    depends_on: [nope]\n    command: [echo]\n");
    const rejected = await cli(["deploy", dir, "--tenant", "acme"]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe(
      "· etl.yaml → etl is valid (not stored: another file was rejected)\n" +
        'ml.yaml:5:18 tasks[0].depends_on[0]: unknown task "nope"; expected one of the task ids in this file: a\n',
    );
    expect(rejected.stderr).toBe("Nothing was deployed: 1 of 2 files rejected. Fix the errors above and deploy again.\n");

    const versions = await t.db.dagVersion.count({ where: { dag: { tenantId } } });
    expect(versions).toBe(1);
  });

  it("exits 2 with the server's message for a bad token", async () => {
    const result = await cli(["deploy", dir, "--tenant", "acme", "--token", "upd_not-a-real-token"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("answered 401: invalid API token");
  });
});
