import { createTenant } from "@updraft/db";
import { beforeAll, describe, expect, it } from "vitest";
import { deployRejectedSchema, deploySuccessSchema } from "@/app/api/_lib/deploy-schemas";
import { createTestApiToken, useWebTestDatabase } from "@/app/api/_lib/testing/web-test-database";
import { POST } from "./route";

const t = useWebTestDatabase();

let acmeId: string;
let author: string;
let viewer: string;
let revoked: string;
let expired: string;
let otherTenantToken: string;

function dag(dagId: string, echo = "hi"): string {
  return `dag_id: ${dagId}\nschedule: null\ntasks:\n  - task_id: only\n    command: [echo, ${echo}]\n`;
}

const BROKEN = `dag_id: broken
schedule: null
tasks:
  - task_id: preprocess
    command: [echo, hi]
  - task_id: train
    depends_on: [prepocess]
    command: [echo, train]
`;

function multipart(files: Array<{ name: string; content: string }>, token: string | null = author, slug = "acme"): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([file.content]), file.name);
  return call(new Request(`http://localhost/api/v1/tenants/${slug}/dags`, { method: "POST", headers: auth(token), body: form }), slug);
}

function json(body: unknown, token: string | null = author, slug = "acme"): Promise<Response> {
  return call(
    new Request(`http://localhost/api/v1/tenants/${slug}/dags`, {
      method: "POST",
      headers: { ...auth(token), "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    slug,
  );
}

function auth(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

function call(request: Request, slug: string): Promise<Response> {
  return POST(request, { params: Promise.resolve({ slug }) });
}

async function storedDags(tenantId: string) {
  const dags = await t.db.dag.findMany({ where: { tenantId }, orderBy: { dagId: "asc" }, include: { currentVersion: true } });
  return dags.map((d) => `${d.dagId}@${d.currentVersion?.version}`);
}

beforeAll(async () => {
  acmeId = (await createTenant(t.db, { slug: "acme" })).id;
  const other = await createTenant(t.db, { slug: "globex" });
  author = (await createTestApiToken(t.db, { tenantId: acmeId, name: "ci-deploy", role: "AUTHOR" })).token;
  viewer = (await createTestApiToken(t.db, { tenantId: acmeId, name: "read-only", role: "VIEWER" })).token;
  revoked = (await createTestApiToken(t.db, { tenantId: acmeId, name: "old", role: "OWNER", revokedAt: new Date("2025-02-03T10:00:00Z") })).token;
  expired = (await createTestApiToken(t.db, { tenantId: acmeId, name: "stale", role: "OWNER", expiresAt: new Date("2025-01-31T12:00:00Z") })).token;
  otherTenantToken = (await createTestApiToken(t.db, { tenantId: other.id, name: "globex-ci", role: "OWNER" })).token;
});

describe("POST /api/v1/tenants/:slug/dags", () => {
  it("stores multipart files and answers 200 with one result per file, auditing the token", async () => {
    const response = await multipart([
      { name: "etl.yaml", content: dag("etl") },
      { name: "report.json", content: JSON.stringify({ dag_id: "report", schedule: null, tasks: [{ task_id: "a", command: ["true"] }] }) },
    ]);

    expect(response.status).toBe(200);
    const body = deploySuccessSchema.parse(await response.json());
    expect(body.results).toEqual([
      { file: "etl.yaml", ok: true, dagId: "etl", version: 1, changed: true },
      { file: "report.json", ok: true, dagId: "report", version: 1, changed: true },
    ]);
    expect(await storedDags(acmeId)).toEqual(["etl@1", "report@1"]);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { tenantId: acmeId, action: "dag.deploy" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorLabel: "token ci-deploy", target: "etl, report" });
  });

  it("accepts the JSON form and reports unchanged files", async () => {
    const response = await json({ files: [{ name: "etl.yaml", content: dag("etl") }, { name: "etl2.yaml", content: dag("etl2") }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      results: [
        { file: "etl.yaml", ok: true, dagId: "etl", version: 1, changed: false },
        { file: "etl2.yaml", ok: true, dagId: "etl2", version: 1, changed: true },
      ],
    });
  });

  it("answers 422 with the UI's error texts and stores nothing when one file is rejected", async () => {
    const before = await storedDags(acmeId);
    const response = await multipart([
      { name: "etl.yaml", content: dag("etl", "changed") },
      { name: "ml.yaml", content: BROKEN },
    ]);

    expect(response.status).toBe(422);
    const body = deployRejectedSchema.parse(await response.json());
    expect(body.results[0]).toEqual({ file: "etl.yaml", ok: true, dagId: "etl", stored: false });
    expect(body.results[1]).toMatchObject({
      file: "ml.yaml",
      ok: false,
      errors: [{ line: 7, column: 18, path: "tasks[1].depends_on[0]", text: expect.stringMatching(/^ml\.yaml:7:18 tasks\[1\]\.depends_on\[0\]: unknown task "prepocess"/) }],
    });
    expect(await storedDags(acmeId)).toEqual(before);
  });

  it("refuses missing, unknown, revoked and expired tokens with 401 and what happened", async () => {
    const errorOf = async (response: Promise<Response>) => {
      const r = await response;
      return [r.status, ((await r.json()) as { error: string }).error];
    };
    expect(await errorOf(multipart([{ name: "a.yaml", content: dag("a") }], null))).toEqual([
      401,
      "Authentication required: send Authorization: Bearer upd_… (create a token on the tenant's API tokens page)",
    ]);
    expect(await errorOf(multipart([{ name: "a.yaml", content: dag("a") }], "upd_nope"))).toEqual([401, "invalid API token"]);
    expect(await errorOf(multipart([{ name: "a.yaml", content: dag("a") }], revoked))).toEqual([401, expect.stringMatching(/^this API token was revoked on 2025-02-03/)]);
    expect(await errorOf(multipart([{ name: "a.yaml", content: dag("a") }], expired))).toEqual([401, expect.stringMatching(/^this API token expired on 2025-01-31/)]);
    const response = await multipart([{ name: "a.yaml", content: dag("a") }], null);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="updraft"');
    expect(await storedDags(acmeId)).not.toContain("a@1");
  });

  it("refuses a VIEWER token with 403 naming the AUTHOR role", async () => {
    const response = await multipart([{ name: "a.yaml", content: dag("a") }], viewer);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toContain("AUTHOR");
  });

  it("does not let another tenant's token deploy here, nor tell whether the tenant exists", async () => {
    const here = await multipart([{ name: "x.yaml", content: dag("x") }], otherTenantToken, "acme");
    const nowhere = await multipart([{ name: "x.yaml", content: dag("x") }], otherTenantToken, "no-such-tenant");
    expect(here.status).toBe(nowhere.status);
    expect([403, 404]).toContain(here.status);
    expect(await storedDags(acmeId)).not.toContain("x@1");
  });

  it("answers 413 past the limits: 8 MiB body, 100 files, 1 MiB per file", async () => {
    const big = "#".repeat(1024 * 1024 + 1);
    const oneLargeFile = await json({ files: [{ name: "huge.yaml", content: big }] });
    expect(oneLargeFile.status).toBe(413);
    expect(await oneLargeFile.json()).toEqual({
      ok: false,
      error: '"huge.yaml" is 1048577 bytes; DAG files are limited to 1 MiB (1048576 bytes): split the DAG or shrink the file',
    });

    const manyFiles = await json({ files: Array.from({ length: 101 }, (_, i) => ({ name: `d${i}.yaml`, content: dag(`d${i}`) })) });
    expect(manyFiles.status).toBe(413);
    expect(((await manyFiles.json()) as { error: string }).error).toBe(
      "Too many files: a deploy takes at most 100 files (got 101); deploy in smaller batches",
    );

    const nineMiB = "x".repeat(9 * 1024 * 1024);
    const hugeBody = await multipart([{ name: "a.yaml", content: nineMiB }]);
    expect(hugeBody.status).toBe(413);
    expect(((await hugeBody.json()) as { error: string }).error).toBe(
      "The request body is larger than 8 MiB: deploy the files in smaller batches",
    );
  });

  it("answers 400 for bodies it cannot read and 415 for other content types", async () => {
    const status = async (response: Promise<Response>) => {
      const r = await response;
      return [r.status, ((await r.json()) as { error: string }).error];
    };
    expect(await status(json("{not json"))).toEqual([400, expect.stringMatching(/^The body is not valid JSON/)]);
    expect(await status(json({ files: [{ name: "a.yaml" }] }))).toEqual([400, expect.stringContaining("files.0.content")]);
    expect(await status(json({ files: [] }))).toEqual([400, expect.stringMatching(/^No DAG files in the request/)]);

    const textField = new FormData();
    textField.append("file", "dag_id: a");
    expect(
      await status(call(new Request("http://localhost/api/v1/tenants/acme/dags", { method: "POST", headers: auth(author), body: textField }), "acme")),
    ).toEqual([400, expect.stringMatching(/must be a file upload/)]);

    const otherField = new FormData();
    otherField.append("dags", new Blob(["x"]), "a.yaml");
    expect(
      await status(call(new Request("http://localhost/api/v1/tenants/acme/dags", { method: "POST", headers: auth(author), body: otherField }), "acme")),
    ).toEqual([400, expect.stringMatching(/^Unexpected form field "dags"/)]);

    const plain = new Request("http://localhost/api/v1/tenants/acme/dags", {
      method: "POST",
      headers: { ...auth(author), "content-type": "text/plain" },
      body: dag("a"),
    });
    expect(await status(call(plain, "acme"))).toEqual([415, expect.stringMatching(/^Unsupported Content-Type "text\/plain"/)]);
  });
});
