import { recordAuditEvent, type AuditActor } from "@updraft/platform";
import type { AuditInput, AuditMeta } from "./procedure-meta";
import type { Context } from "./context";

/** Filled while a procedure runs: tenantProcedure sets the tenant. */
export interface AuditScope {
  tenantId: string | null;
}

function asInput(raw: unknown): AuditInput {
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as AuditInput) : {};
}

/** The signed-in user as an audit actor ("anonymous" when signed out). */
export function sessionActor(user: Context["user"]): AuditActor {
  return user ? { userId: user.id, label: user.email } : { label: "anonymous" };
}

/** Records the audit event of one successful mutation. */
export async function writeMutationAudit(
  ctx: Pick<Context, "db" | "user" | "ip">,
  audit: AuditMeta,
  scope: AuditScope,
  rawInput: unknown,
  result: unknown,
): Promise<void> {
  const input = asInput(rawInput);
  if (audit.skip?.(input, result)) return;
  const tenantOverride = audit.tenantId?.(input, result);
  await recordAuditEvent(ctx.db, {
    tenantId: tenantOverride === undefined ? scope.tenantId : tenantOverride,
    actor: audit.actor?.(input, result) ?? sessionActor(ctx.user),
    action: audit.action,
    targetType: audit.targetType ?? null,
    target: audit.target?.(input, result) ?? null,
    details: audit.details?.(input, result) ?? null,
    ip: ctx.ip,
  });
}
