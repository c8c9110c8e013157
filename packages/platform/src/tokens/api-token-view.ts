import type { ApiToken, Role } from "@updraft/db";

export interface ApiTokenView {
  id: string;
  name: string;
  role: Role;
  /** The token's first characters ("upd_3kF9aZ1q"), to recognise it. */
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: "active" | "expired" | "revoked";
}

export function apiTokenView(row: ApiToken & { createdBy: { email: string } | null }, now: Date): ApiTokenView {
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.tokenPrefix,
    createdBy: row.createdBy?.email ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    state: row.revokedAt ? "revoked" : expired ? "expired" : "active",
  };
}
