import type { DbOrTx, Prisma } from "@updraft/db";

export interface AuditEventFilters {
  /** Exact action ("dag.upload"), or every action of an area when it ends with "." ("dag."). */
  action?: string;
  /** Part of the actor's label (e-mail or "token <name>"), any case. */
  actor?: string;
  /** Events at or after this instant. */
  from?: Date;
  /** Events before this instant. */
  to?: Date;
}

export interface AuditEventView {
  /** Stable id (a bigint as text). */
  id: string;
  createdAt: Date;
  actorLabel: string;
  actorUserId: string | null;
  actorTokenId: string | null;
  action: string;
  targetType: string | null;
  target: string | null;
  details: Prisma.JsonValue | null;
  ip: string | null;
}

export interface AuditEventPage {
  events: AuditEventView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const MAX_AUDIT_PAGE_SIZE = 1000;

function whereOf(tenantId: string, filters: AuditEventFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { tenantId };
  if (filters.action) {
    where.action = filters.action.endsWith(".") ? { startsWith: filters.action } : filters.action;
  }
  if (filters.actor) where.actorLabel = { contains: filters.actor, mode: "insensitive" };
  if (filters.from || filters.to) {
    where.createdAt = { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) };
  }
  return where;
}

/** One tenant's audit events, newest first, `limit` at a time (follow `nextCursor` for older ones). */
export async function listAuditEvents(
  db: DbOrTx,
  input: { tenantId: string; filters?: AuditEventFilters; cursor?: string | null; limit?: number },
): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 50)), MAX_AUDIT_PAGE_SIZE);
  const where = whereOf(input.tenantId, input.filters ?? {});
  if (input.cursor && /^\d{1,19}$/.test(input.cursor)) where.id = { lt: BigInt(input.cursor) };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      actorLabel: row.actorLabel,
      actorUserId: row.actorUserId,
      actorTokenId: row.actorTokenId,
      action: row.action,
      targetType: row.targetType,
      target: row.target,
      details: row.details,
      ip: row.ip,
    })),
    nextCursor: rows.length > limit && last ? last.id.toString() : null,
  };
}
