import type { Db, Role } from "@updraft/db";
import { ROLES_BY_RANK } from "@updraft/domain/roles";
import { createApiToken, createInvitation } from "@updraft/platform";
import { memberWithRole, type Caller } from "./api-callers";
import { sampleDagYaml } from "./sample-dags";

/** Everything a tenant has that procedures look up by id or name. */
export interface TenantFixture {
  slug: string;
  tenantId: string;
  /** A caller for a fresh member with each role. */
  callers: Record<Role, Caller>;
  /** The e-mail of each of those members. */
  emails: Record<Role, string>;
  dagId: string;
  /** A run's uuid. */
  runId: string;
  taskInstanceId: string;
  taskId: string;
  poolName: string;
  connId: string;
  secretName: string;
  /** A VIEWER member other tests may change or remove. */
  memberUserId: string;
  invitationId: string;
  invitationToken: string;
  apiTokenId: string;
}


/**
 * A tenant with one of everything, all named after `slug` so two tenants'
 * ids and names differ. Needs the job queue (ensureJobQueue).
 */
export async function tenantFixture(db: Db, slug: string): Promise<TenantFixture> {
  const members = {} as Record<Role, Awaited<ReturnType<typeof memberWithRole>>>;
  for (const role of ROLES_BY_RANK) members[role] = await memberWithRole(db, slug, role);
  const owner = members.OWNER;
  const tenantId = owner.tenant.id;
  const key = slug.replaceAll("-", "_");
  const dagId = `${key}_dag`;

  const uploaded = await owner.caller.dags.upload({ tenantSlug: slug, fileName: `${dagId}.yaml`, source: sampleDagYaml(dagId) });
  if (!uploaded.ok) throw new Error(`fixture DAG rejected: ${JSON.stringify(uploaded.errors)}`);
  const run = await owner.caller.dags.trigger({ tenantSlug: slug, dagId });
  const ti = await db.taskInstance.findFirstOrThrow({ where: { dagRunId: run.id }, orderBy: { taskId: "asc" } });
  await db.taskLog.create({ data: { taskInstanceId: ti.id, tryNumber: 1, stream: "STDOUT", content: `${slug} private output` } });

  const poolName = `${key}_pool`;
  await owner.caller.pools.upsert({ tenantSlug: slug, name: poolName, slots: 3 });
  const connId = `${key}_warehouse`;
  await owner.caller.connections.create({
    tenantSlug: slug,
    connId,
    connType: "postgres",
    host: `${slug}.db.example`,
    port: 5432,
    login: "etl",
    password: `${slug}-db-password`,
  });
  const secretName = `${key}_api_key`;
  await owner.caller.secrets.set({ tenantSlug: slug, name: secretName, value: `${slug}-secret-value` });

  const target = await memberWithRole(db, slug, "VIEWER");
  const invitation = await createInvitation(db, { tenantId, actorUserId: owner.user.id, email: `invitee@${slug}.example`, role: "AUTHOR" });
  const apiToken = await createApiToken(db, { tenantId, creatorUserId: owner.user.id, name: `${slug}-ci`, role: "AUTHOR", expiresInDays: 30 });

  return {
    slug,
    tenantId,
    callers: Object.fromEntries(ROLES_BY_RANK.map((r) => [r, members[r].caller])) as Record<Role, Caller>,
    emails: Object.fromEntries(ROLES_BY_RANK.map((r) => [r, members[r].user.email])) as Record<Role, string>,
    dagId,
    runId: run.id,
    taskInstanceId: ti.id,
    taskId: ti.taskId,
    poolName,
    connId,
    secretName,
    memberUserId: target.user.id,
    invitationId: invitation.invitation.id,
    invitationToken: invitation.token,
    apiTokenId: apiToken.apiToken.id,
  };
}

/**
 * What a tenant holds, for "nothing changed" assertions: its DAGs, runs, task
 * instances, pools, members, invitations, tokens, connections and secrets.
 */
export async function tenantSnapshot(db: Db, tenantId: string) {
  const where = { tenantId };
  return {
    dags: await db.dag.findMany({ where, orderBy: { id: "asc" }, select: { id: true, isPaused: true, currentVersionId: true } }),
    runs: await db.dagRun.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true } }),
    taskInstances: await db.taskInstance.findMany({ where, orderBy: { id: "asc" }, select: { id: true, state: true, tryNumber: true } }),
    pools: await db.pool.findMany({ where, orderBy: { name: "asc" }, select: { name: true, slots: true, description: true } }),
    members: await db.membership.findMany({ where, orderBy: { userId: "asc" }, select: { userId: true, role: true } }),
    invitations: await db.invitation.findMany({ where, orderBy: { id: "asc" }, select: { id: true, acceptedAt: true, revokedAt: true } }),
    tokens: await db.apiToken.findMany({ where, orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    connections: await db.connection.findMany({ where, orderBy: { connId: "asc" } }),
    secrets: await db.secret.findMany({ where, orderBy: { name: "asc" } }),
  };
}
