import type { DbOrTx, Prisma } from "@updraft/db";

/** Who did it: a signed-in user, an API token, or neither (a failed sign-in names the e-mail tried). */
export interface AuditActor {
  userId?: string;
  tokenId?: string;
  /** "ada@example.com", "token ci-deploy": kept when the user or token is later deleted. */
  label: string;
}

export interface AuditEventInput {
  /** null for platform-wide events (sign-ins, tenant creation and deletion). */
  tenantId: string | null;
  actor: AuditActor;
  /** Dotted verb, e.g. "dag.upload", "member.change_role", "auth.sign_in_failed". */
  action: string;
  targetType?: string | null;
  target?: string | null;
  /** Extra facts for the reader. Never passwords, secret values or tokens. */
  details?: Record<string, unknown> | null;
  ip?: string | null;
}

const clip = (value: string | null | undefined, max: number): string | null =>
  value === undefined || value === null || value === "" ? null : value.slice(0, max);

/** Writes one audit event (inside the caller's transaction when given one). Events are never updated. */
export async function recordAuditEvent(db: DbOrTx, event: AuditEventInput, now: Date = new Date()): Promise<void> {
  await db.auditEvent.create({
    data: {
      tenantId: event.tenantId,
      actorUserId: event.actor.userId ?? null,
      actorTokenId: event.actor.tokenId ?? null,
      actorLabel: clip(event.actor.label, 320) ?? "unknown",
      action: event.action.slice(0, 100),
      targetType: clip(event.targetType, 100),
      target: clip(event.target, 500),
      details: event.details ? (JSON.parse(JSON.stringify(event.details)) as Prisma.InputJsonObject) : undefined,
      ip: clip(event.ip, 100),
      createdAt: now,
    },
  });
}
