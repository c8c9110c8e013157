import { z } from "zod";
import type { AuditEventFilters } from "@updraft/platform";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const dateText = z
  .string()
  .trim()
  .refine((text) => text === "" || !Number.isNaN(Date.parse(text)), "Dates look like 2025-03-01 or 2025-03-01T14:00:00Z");

/**
 * The audit log's filters as the UI and the CSV export send them (query
 * parameters are strings): action, actor, from, to. Bare dates are UTC days,
 * and `to` includes its whole day.
 */
export const auditFiltersSchema = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  from: dateText.optional(),
  to: dateText.optional(),
});

export type AuditFiltersInput = z.input<typeof auditFiltersSchema>;

/** The engine's filters from validated input. */
export function toAuditEventFilters(input: z.output<typeof auditFiltersSchema>): AuditEventFilters {
  const from = input.from ? new Date(DATE_ONLY.test(input.from) ? `${input.from}T00:00:00Z` : input.from) : undefined;
  let to: Date | undefined;
  if (input.to) to = DATE_ONLY.test(input.to) ? new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS) : new Date(input.to);
  return { action: input.action || undefined, actor: input.actor || undefined, from, to };
}

/** Filters from URL query parameters (the CSV export); a readable error when one is malformed. */
export function parseAuditQuery(params: URLSearchParams): { ok: true; filters: AuditEventFilters } | { ok: false; message: string } {
  const parsed = auditFiltersSchema.safeParse({
    action: params.get("action") ?? undefined,
    actor: params.get("actor") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join(".") ?? "filter"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, filters: toAuditEventFilters(parsed.data) };
}
