import type { Role } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { rolesBelow } from "@updraft/domain/roles";
import { ensureJobQueue } from "@updraft/engine/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root-router";
import { callerFor } from "../test-support/api-callers";
import { callProcedure, PROCEDURE_CASES } from "../test-support/procedure-cases";
import { tenantFixture, tenantSnapshot, type TenantFixture } from "../test-support/tenant-fixture";
import type { ProcedureMeta } from "../trpc/procedure-meta";

const testDb = useTestDatabase();

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; meta?: ProcedureMeta } };
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => ({
  path,
  type: p._def.type,
  meta: p._def.meta ?? {},
}));
const TENANT_PROCEDURES = PROCEDURES.filter((p) => p.meta.requiredRole !== undefined);

function caseOf(path: string) {
  const c = PROCEDURE_CASES[path];
  if (!c) throw new Error(`no case for ${path} in PROCEDURE_CASES`);
  return c;
}

/** How a call ended: the tRPC error code and message, or "ok". */
async function outcome(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
    return { code: "ok", message: "" };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? "unknown", message: e.message ?? String(error) };
  }
}

const ROLE_REFUSAL = /^This needs the \w+ role \(or higher\) in tenant /;

describe("every procedure declares who may call it", () => {
  it("has a case in PROCEDURE_CASES for every procedure of appRouter (add one for a new procedure)", () => {
    expect(PROCEDURES.length).toBeGreaterThan(30);
    expect(Object.keys(PROCEDURE_CASES).sort()).toEqual(PROCEDURES.map((p) => p.path).sort());
  });

  it("declares exactly one of meta.requiredRole, meta.platformAdmin or meta.access", () => {
    const undeclared = PROCEDURES.filter(
      (p) => [p.meta.requiredRole !== undefined, p.meta.platformAdmin === true, p.meta.access !== undefined].filter(Boolean).length !== 1,
    );
    expect(undeclared.map((p) => `${p.path}: ${JSON.stringify({ ...p.meta, audit: undefined })}`)).toEqual([]);
  });
});

describe("generated tenant isolation and role tests", () => {
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    a = await tenantFixture(testDb.db, "acme");
    b = await tenantFixture(testDb.db, "globex");
  });

  it("asks signed-out callers to sign in, on every procedure that is not public", async () => {
    const anonymous = callerFor(testDb.db, null);
    const problems: string[] = [];
    for (const p of PROCEDURES.filter((p) => p.meta.access !== "public")) {
      const result = await outcome(callProcedure(anonymous, p.path, caseOf(p.path).input(a)));
      if (result.code !== "UNAUTHORIZED") problems.push(`${p.path}: ${result.code} ${result.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("refuses every role below meta.requiredRole with FORBIDDEN naming the role needed, and changes nothing", async () => {
    const before = await tenantSnapshot(testDb.db, a.tenantId);
    const auditBefore = await testDb.db.auditEvent.count();
    const problems: string[] = [];
    let refusals = 0;
    for (const p of TENANT_PROCEDURES) {
      const required = p.meta.requiredRole as Role;
      for (const role of rolesBelow(required)) {
        const result = await outcome(callProcedure(a.callers[role], p.path, caseOf(p.path).input(a)));
        refusals += 1;
        if (result.code !== "FORBIDDEN" || !result.message.includes(`needs the ${required} role`)) {
          problems.push(`${p.path} as ${role}: ${result.code} ${result.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(refusals).toBeGreaterThan(40);
    expect(await tenantSnapshot(testDb.db, a.tenantId)).toEqual(before);
    expect(await testDb.db.auditEvent.count()).toBe(auditBefore);
  });

  it("answers another tenant's slug like a missing tenant (NOT_FOUND) on every tenant procedure, and changes nothing", async () => {
    const before = await tenantSnapshot(testDb.db, b.tenantId);
    const problems: string[] = [];
    for (const p of TENANT_PROCEDURES) {
      const input = { ...caseOf(p.path).input(a), tenantSlug: b.slug };
      const result = await outcome(callProcedure(a.callers.OWNER, p.path, input));
      if (result.code !== "NOT_FOUND" || result.message !== "Tenant not found") problems.push(`${p.path}: ${result.code} ${result.message}`);
    }
    expect(problems).toEqual([]);
    expect(await tenantSnapshot(testDb.db, b.tenantId)).toEqual(before);
  });

  it("refuses tenant B's ids to a tenant A owner (NOT_FOUND or FORBIDDEN) on every procedure that takes ids, and changes nothing", async () => {
    // B's ids and names, sent through A's tenant by A's strongest role.
    const foreign: TenantFixture = { ...b, slug: a.slug, tenantId: a.tenantId, callers: a.callers, emails: a.emails };
    const before = await tenantSnapshot(testDb.db, b.tenantId);
    const problems: string[] = [];
    const tested: string[] = [];
    for (const p of PROCEDURES.filter((p) => p.meta.platformAdmin !== true)) {
      const c = caseOf(p.path);
      const own = c.input(a);
      const withForeignIds = c.input(foreign);
      if (JSON.stringify(own) === JSON.stringify(withForeignIds) || c.notALookup) continue;
      tested.push(p.path);
      const result = await outcome(callProcedure(a.callers.OWNER, p.path, withForeignIds));
      if (result.code !== "NOT_FOUND" && result.code !== "FORBIDDEN") problems.push(`${p.path}: ${result.code} ${result.message}`);
    }
    expect(problems).toEqual([]);
    expect(tested).toEqual(expect.arrayContaining(["dags.get", "runs.get", "logs.forTask", "members.remove", "tokens.revoke", "connections.get"]));
    expect(await tenantSnapshot(testDb.db, b.tenantId)).toEqual(before);
  });

  it("refuses platform procedures to a tenant owner who is not a platform admin", async () => {
    const problems: string[] = [];
    for (const p of PROCEDURES.filter((p) => p.meta.platformAdmin === true)) {
      const result = await outcome(callProcedure(a.callers.OWNER, p.path, caseOf(p.path).input(b)));
      if (result.code !== "FORBIDDEN") problems.push(`${p.path}: ${result.code} ${result.message}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("the required role itself", () => {
  let c: TenantFixture;

  beforeAll(async () => {
    await ensureJobQueue(testDb.url);
    c = await tenantFixture(testDb.db, "initech");
  });

  it("passes the role check of every tenant procedure, and each successful mutation writes its audit event", async () => {
    const problems: string[] = [];
    for (const p of TENANT_PROCEDURES) {
      const role = p.meta.requiredRole as Role;
      const latestBefore = await testDb.db.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      const result = await outcome(callProcedure(c.callers[role], p.path, caseOf(p.path).input(c)));
      if (ROLE_REFUSAL.test(result.message) || result.message === "Tenant not found") {
        problems.push(`${p.path} as ${role}: ${result.code} ${result.message}`);
      }
      if (p.type !== "mutation" || result.code !== "ok") continue;
      const written = await testDb.db.auditEvent.findMany({ where: { id: { gt: latestBefore?.id ?? 0n } } });
      const expected = { tenantId: c.tenantId, action: p.meta.audit?.action, actorLabel: c.emails[role], ip: "127.0.0.1" };
      if (written.length !== 1 || !written.every((e) => Object.entries(expected).every(([k, v]) => e[k as keyof typeof e] === v))) {
        problems.push(`${p.path}: expected one audit event ${JSON.stringify(expected)}, got ${JSON.stringify(written, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
