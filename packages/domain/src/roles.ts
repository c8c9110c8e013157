/** Tenant roles, strongest first. Every role can do what the roles below it can. */
export const ROLES_BY_RANK = ["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"] as const;

/** A tenant role (the database's Role enum spells the same names). */
export type TenantRole = (typeof ROLES_BY_RANK)[number];

/** Higher rank = more power. */
export const ROLE_RANK: Readonly<Record<TenantRole, number>> = { OWNER: 5, ADMIN: 4, AUTHOR: 3, OPERATOR: 2, VIEWER: 1 };

export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === "string" && (ROLES_BY_RANK as readonly string[]).includes(value);
}

/** Whether `role` may do what `minRole` may. */
export function roleAtLeast(role: TenantRole, minRole: TenantRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minRole];
}

/** The roles weaker than `role` (what must be refused when `role` is required), strongest first. */
export function rolesBelow(role: TenantRole): TenantRole[] {
  return ROLES_BY_RANK.filter((r) => ROLE_RANK[r] < ROLE_RANK[role]);
}
