import type { DbOrTx, Role } from "@updraft/db";
import { roleAtLeast } from "@updraft/domain/roles";
import { API_TOKEN_PATTERN, hashApiToken } from "./api-token-format";
import { formatTokenDate } from "./format-token-date";

export interface VerifiedApiToken {
  id: string;
  name: string;
  tenantId: string;
  tenantSlug: string;
  role: Role;
}

export type VerifyApiTokenResult =
  | { ok: true; token: VerifiedApiToken }
  | { ok: false; status: 401 | 403; message: string };

export const INVALID_API_TOKEN_MESSAGE = "invalid API token";
const LAST_USED_EVERY_MS = 60_000;

/**
 * Checks a bearer token (`upd_…`). Unknown, revoked and expired tokens get 401
 * with a message saying which; with `required`, a token of another tenant or
 * with too weak a role gets 403 naming what is needed. A good token's
 * `lastUsedAt` is refreshed (at most once a minute).
 */
export async function verifyApiToken(
  db: DbOrTx,
  token: string,
  now: Date = new Date(),
  required: { tenantSlug?: string; role?: Role } = {},
): Promise<VerifyApiTokenResult> {
  const text = token.trim();
  if (!API_TOKEN_PATTERN.test(text)) return { ok: false, status: 401, message: INVALID_API_TOKEN_MESSAGE };
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(text) },
    include: { tenant: { select: { slug: true } } },
  });
  if (!row) return { ok: false, status: 401, message: INVALID_API_TOKEN_MESSAGE };
  if (row.revokedAt) {
    return { ok: false, status: 401, message: `this API token was revoked on ${formatTokenDate(row.revokedAt)}` };
  }
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, status: 401, message: `this API token expired on ${formatTokenDate(row.expiresAt)}` };
  }
  if (required.tenantSlug !== undefined && required.tenantSlug !== row.tenant.slug) {
    return {
      ok: false,
      status: 403,
      message: `this API token is for tenant "${row.tenant.slug}", not "${required.tenantSlug}"; create a token in that tenant`,
    };
  }
  if (required.role && !roleAtLeast(row.role, required.role)) {
    return {
      ok: false,
      status: 403,
      message: `this needs an API token with the ${required.role} role (or higher); token "${row.name}" has ${row.role}`,
    };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { ok: true, token: { id: row.id, name: row.name, tenantId: row.tenantId, tenantSlug: row.tenant.slug, role: row.role } };
}
