import type { Caller } from "./api-callers";
import { sampleDagYaml } from "./sample-dags";
import type { TenantFixture } from "./tenant-fixture";

/**
 * One case per procedure of appRouter, keyed by its path. The generated
 * isolation and role tests (authz/generated-isolation.test.ts) fail for a
 * procedure without a case here, so adding a procedure means adding its case.
 */
export interface ProcedureCase {
  /**
   * Valid input for the tenant `t` (its slug, its ids). The tests also call it
   * with tenant A's slug and tenant B's ids: when that changes the input, the
   * procedure takes ids and must refuse them (NOT_FOUND or FORBIDDEN).
   */
  input(t: TenantFixture): Record<string, unknown> | undefined;
  /** Why the ids/names in the input are not a look-up of existing tenant data (the foreign-id test skips it). */
  notALookup?: string;
}

const slug = (t: TenantFixture) => ({ tenantSlug: t.slug });

/** A report range (UTC days, both included). */
const RANGE = { from: "2025-01-01", to: "2025-12-31" };

export const PROCEDURE_CASES: Record<string, ProcedureCase> = {
  "tenants.mine": { input: () => undefined },

  "dags.list": { input: slug },
  "dags.get": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "dags.upload": { input: (t) => ({ ...slug(t), fileName: "fresh.yaml", source: sampleDagYaml("fresh_dag") }) },
  "dags.delete": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "dags.setPaused": { input: (t) => ({ ...slug(t), dagId: t.dagId, paused: true }) },
  "dags.trigger": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "dags.backfill": { input: (t) => ({ ...slug(t), dagId: t.dagId, start: "2025-01-01", end: "2025-01-02" }) },

  "runs.list": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "runs.get": { input: (t) => ({ ...slug(t), id: t.runId }) },
  "runs.grid": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "runs.gantt": { input: (t) => ({ ...slug(t), id: t.runId }) },
  "runs.mark": { input: (t) => ({ ...slug(t), id: t.runId, state: "FAILED" }) },
  "runs.clear": { input: (t) => ({ ...slug(t), id: t.runId, taskIds: [t.taskId] }) },

  "logs.forTask": { input: (t) => ({ ...slug(t), taskInstanceId: t.taskInstanceId, tryNumber: 1 }) },
  "taskInstances.get": { input: (t) => ({ ...slug(t), id: t.taskInstanceId }) },

  "pools.list": { input: slug },
  "pools.upsert": {
    input: (t) => ({ ...slug(t), name: t.poolName, slots: 5 }),
    notALookup: "creates (or edits) a pool of that name in the caller's own tenant",
  },
  "pools.delete": { input: (t) => ({ ...slug(t), name: t.poolName }) },

  "members.list": { input: slug },
  "members.changeRole": { input: (t) => ({ ...slug(t), userId: t.memberUserId, role: "OPERATOR" }) },
  "members.remove": { input: (t) => ({ ...slug(t), userId: t.memberUserId }) },

  "invitations.create": { input: (t) => ({ ...slug(t), email: `new-person@${t.slug}.example`, role: "VIEWER" }) },
  "invitations.list": { input: slug },
  "invitations.revoke": { input: (t) => ({ ...slug(t), id: t.invitationId }) },
  "invitations.inspect": {
    input: (t) => ({ token: t.invitationToken }),
    notALookup: "the link's token is the credential: whoever holds the link may see what it invites to",
  },
  // A member of tenant A accepting tenant B's invitation (sent to someone else) is refused.
  "invitations.accept": { input: (t) => ({ token: t.invitationToken }) },
  "invitations.acceptWithNewAccount": {
    input: (t) => ({ token: t.invitationToken, name: "New Person", password: "a long enough password" }),
    notALookup: "the link's token is the credential: whoever holds the link may create the invited account",
  },

  "tokens.list": { input: slug },
  "tokens.create": { input: (t) => ({ ...slug(t), name: "fresh-token", role: "VIEWER", expiresInDays: 7 }) },
  "tokens.revoke": { input: (t) => ({ ...slug(t), id: t.apiTokenId }) },

  "audit.list": { input: slug },

  "connections.list": { input: slug },
  "connections.get": { input: (t) => ({ ...slug(t), connId: t.connId }) },
  "connections.create": { input: (t) => ({ ...slug(t), connId: "fresh_conn", connType: "http", host: "api.example" }) },
  "connections.importUri": { input: (t) => ({ ...slug(t), connId: "fresh_uri_conn", uri: "http://api.example:8080/v1" }) },
  "connections.update": { input: (t) => ({ ...slug(t), connId: t.connId, changes: { description: "edited" } }) },
  "connections.delete": { input: (t) => ({ ...slug(t), connId: t.connId }) },

  "secrets.list": { input: slug },
  "secrets.set": {
    input: (t) => ({ ...slug(t), name: t.secretName, value: "new value" }),
    notALookup: "creates (or replaces) a secret of that name in the caller's own tenant",
  },
  "secrets.delete": { input: (t) => ({ ...slug(t), name: t.secretName }) },

  "costs.options": { input: slug },
  "costs.overTime": { input: (t) => ({ ...slug(t), filters: { ...RANGE, dagIds: [t.dagId], tag: "etl" }, granularity: "week" }) },
  "costs.topTasks": { input: (t) => ({ ...slug(t), filters: { ...RANGE, dagIds: [t.dagId] }, limit: 5 }) },
  "costs.usage": { input: (t) => ({ ...slug(t), filters: { ...RANGE, dagIds: [t.dagId] }, granularity: "day" }) },
  "costs.efficiency": { input: (t) => ({ ...slug(t), filters: { ...RANGE, dagIds: [t.dagId] } }) },
  "costs.dagRuns": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "costs.taskTries": { input: (t) => ({ ...slug(t), taskInstanceId: t.taskInstanceId }) },
  "costs.estimate": { input: (t) => ({ ...slug(t), dagId: t.dagId }) },
  "costs.budget": { input: slug },
  "costs.setBudget": { input: (t) => ({ ...slug(t), monthlyBudget: 500, warnPercent: 75 }) },
  "costs.platform.tenants": { input: () => RANGE },
  "costs.platform.priceSheets": {
    input: (t) => ({ tenantId: t.tenantId }),
    notALookup: "platform admins read every tenant's price sheets by id; everyone else is refused (tested)",
  },
  "costs.platform.createPriceSheet": {
    input: (t) => ({ tenantId: t.tenantId, cpuHour: 0.02, memoryGibHour: 0.003, gpuHour: 0.5, note: "spot discount" }),
    notALookup: "platform admins act on every tenant by id; everyone else is refused (tested)",
  },

  "platform.tenants.list": { input: () => undefined },
  "platform.tenants.create": { input: () => ({ slug: "sneaky", name: "Sneaky" }), notALookup: "platform admins only" },
  "platform.tenants.setQuota": {
    input: (t) => ({ tenantId: t.tenantId, quota: { cpu: "1000", memory: "1Ti", gpus: 8, pods: 1000, maxConcurrentTasks: 1000 } }),
    notALookup: "platform admins act on every tenant by id; everyone else is refused (tested)",
  },
  "platform.tenants.delete": {
    input: (t) => ({ tenantId: t.tenantId, confirmSlug: t.slug }),
    notALookup: "platform admins act on every tenant by id; everyone else is refused (tested)",
  },
  "platform.tenants.reprovision": {
    input: (t) => ({ tenantId: t.tenantId }),
    notALookup: "platform admins act on every tenant by id; everyone else is refused (tested)",
  },
};

/** Calls the procedure at `path` (e.g. "dags.get") with `input`, whatever its type. */
export function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  if (typeof target !== "function") throw new Error(`no procedure at ${path}`);
  return (target as (input: unknown) => Promise<unknown>)(input);
}
