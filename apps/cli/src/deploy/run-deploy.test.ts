import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDeploy } from "./run-deploy";

const TOKEN = "upd_0123456789abcdefghijABCDEFGHIJ0123456789";

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  files: Array<{ name: string; content: string }>;
}

/** A stand-in for the deploy endpoint: records each request, answers with `reply`. */
let reply: { status: number; body: unknown } = { status: 200, body: {} };
let received: Received[] = [];
let server: Server;
let baseUrl: string;

async function readForm(req: IncomingMessage): Promise<Array<{ name: string; content: string }>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
  const files: Array<{ name: string; content: string }> = [];
  for (const [field, value] of form.entries()) {
    if (field === "file" && typeof value !== "string") files.push({ name: value.name, content: await value.text() });
  }
  return files;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readForm(req).then((files) => {
      received.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, files });
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let dir: string;

beforeEach(async () => {
  received = [];
  dir = await mkdtemp(join(tmpdir(), "updraft-deploy-run-"));
  await writeFile(join(dir, "etl.yaml"), "dag_id: etl\n");
  await writeFile(join(dir, "ml.yaml"), "dag_id: ml\n");
  await writeFile(join(dir, "notes.txt"), "not a DAG");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function deploy(args: string[], env: Record<string, string> = { UPDRAFT_TOKEN: TOKEN, UPDRAFT_URL: baseUrl }) {
  let out = "";
  let err = "";
  const code = await runDeploy(args, env, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe("updraft deploy", () => {
  it("uploads the folder's DAG files with the token and prints one line per file", async () => {
    reply = {
      status: 200,
      body: {
        ok: true,
        results: [
          { file: "etl.yaml", ok: true, dagId: "etl", version: 3, changed: true },
          { file: "ml.yaml", ok: true, dagId: "ml", version: 1, changed: false },
        ],
      },
    };

    const result = await deploy([dir, "--tenant", "acme"]);

    expect(result).toEqual({
      code: 0,
      out: "✓ etl.yaml → etl version 3\n✓ ml.yaml → ml version 1 (unchanged)\nDeployed 2 files to acme.\n",
      err: "",
    });
    expect(received).toEqual([
      {
        method: "POST",
        url: "/api/v1/tenants/acme/dags",
        authorization: `Bearer ${TOKEN}`,
        files: [
          { name: "etl.yaml", content: "dag_id: etl\n" },
          { name: "ml.yaml", content: "dag_id: ml\n" },
        ],
      },
    ]);
  });

  it("prints the error texts of rejected files and exits 1", async () => {
    reply = {
      status: 422,
      body: {
        ok: false,
        results: [
          { file: "etl.yaml", ok: true, dagId: "etl", stored: false },
          {
            file: "ml.yaml",
            ok: false,
            errors: [
              { line: 7, column: 18, path: "tasks[1].depends_on[0]", message: 'unknown task "prepocess"', text: 'ml.yaml:7:18 tasks[1].depends_on[0]: unknown task "prepocess"' },
              { line: 9, column: 5, path: "tasks[2]", message: "boom", text: "ml.yaml:9:5 tasks[2]: boom" },
            ],
          },
        ],
      },
    };

    const result = await deploy([dir, "--tenant", "acme"]);

    expect(result.code).toBe(1);
    expect(result.out).toBe(
      "· etl.yaml → etl is valid (not stored: another file was rejected)\n" +
        'ml.yaml:7:18 tasks[1].depends_on[0]: unknown task "prepocess"\n' +
        "ml.yaml:9:5 tasks[2]: boom\n",
    );
    expect(result.err).toBe("Nothing was deployed: 1 of 2 files rejected. Fix the errors above and deploy again.\n");
  });

  it("exits 2 with the server's message when the token is refused", async () => {
    reply = { status: 401, body: { ok: false, error: "this API token expired on 2025-01-31" } };
    const result = await deploy([dir, "--tenant", "acme", "--url", baseUrl, "--token", TOKEN], {});
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `updraft deploy: ${baseUrl} answered 401: this API token expired on 2025-01-31\n` +
        "  (check UPDRAFT_TOKEN / --token (create a token on the tenant's API tokens page))\n",
    );
  });

  it("exits 1 when the files are over the size limits", async () => {
    reply = { status: 413, body: { ok: false, error: '"etl.yaml" is 1.5 MiB; DAG files are limited to 1 MiB: split the DAG or shrink the file' } };
    const result = await deploy([dir, "--tenant", "acme"]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("DAG files are limited to 1 MiB");
  });

  it("exits 2 with a clear message when nothing listens at the URL", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const result = await deploy([dir, "--tenant", "acme", "--url", url], { UPDRAFT_TOKEN: TOKEN });

    expect(result.code).toBe(2);
    expect(result.err).toBe(`updraft deploy: could not reach Updraft at ${url} (ECONNREFUSED); is it running? Set --url or UPDRAFT_URL\n`);
  });

  it("exits 2 on bad usage without calling the server", async () => {
    const result = await deploy([dir]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^updraft deploy: --tenant <slug> is required, e\.g\. --tenant acme\n\nUsage: updraft deploy/);
    const empty = await deploy([join(dir, "missing"), "--tenant", "acme"]);
    expect(empty).toMatchObject({ code: 2, err: `updraft deploy: folder ${join(dir, "missing")} does not exist\n` });
    expect(received).toEqual([]);
  });
});
