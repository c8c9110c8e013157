import type { Role } from "@updraft/db";
import type { AuditActor } from "@updraft/platform";

/** A mutation's raw input as the client sent it (before defaults/trimming). */
export type AuditInput = Readonly<Record<string, unknown>>;

/**
 * How a mutation is written to the audit log. The audit middleware writes
 * one event after the mutation succeeded. Never put passwords, secret values
 * or tokens into `details`.
 */
export interface AuditMeta {
  /** Dotted verb, e.g. "dag.upload", "member.change_role". */
  action: string;
  /** What kind of thing `target` names ("dag", "run", "member", …). */
  targetType?: string;
  /** The thing acted on (a DAG id, an e-mail, a connection id…). */
  target?(input: AuditInput, result: unknown): string | undefined | null;
  /** Safe extra facts (role granted, state set, counts…). */
  details?(input: AuditInput, result: unknown): Record<string, unknown> | undefined | null;
  /**
   * The tenant the event belongs to when it is not the tenantProcedure's tenant
   * (platform and invitation procedures); null = platform-wide.
   */
  tenantId?(input: AuditInput, result: unknown): string | undefined | null;
  /** Who acted when it is not the signed-in user (e.g. an account created by this mutation). */
  actor?(input: AuditInput, result: unknown): AuditActor | undefined | null;
  /** True when the call changed nothing worth recording (e.g. a rejected upload). */
  skip?(input: AuditInput, result: unknown): boolean;
}

/**
 * Every procedure declares who may call it, in exactly one of:
 * - `requiredRole`: a tenant role (set by tenantProcedure(role)),
 * - `platformAdmin: true` (platformAdminProcedure),
 * - `access`: "authenticated" (any signed-in user) or "public" (anyone).
 * Every mutation also carries `audit`.
 */
export interface ProcedureMeta {
  requiredRole?: Role;
  platformAdmin?: boolean;
  access?: "authenticated" | "public";
  audit?: AuditMeta;
}

/** Reads one field of the input as text (for `target`). */
export function inputField(name: string): (input: AuditInput) => string | undefined {
  return (input) => textOf(input[name]);
}

/** Reads one field of the result as text (for `target`). */
export function resultField(name: string): (input: AuditInput, result: unknown) => string | undefined {
  return (_input, result) =>
    result !== null && typeof result === "object" ? textOf((result as Record<string, unknown>)[name]) : undefined;
}

/** A string or number as text; anything else as undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return undefined;
}

/** A result's field, or undefined. */
export function fieldOf(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
}
