import type { Role } from "@updraft/db";

/** Higher rank = more power. Every role can do what the roles below it can. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { OWNER: 5, ADMIN: 4, AUTHOR: 3, OPERATOR: 2, VIEWER: 1 };

/** Every role, strongest first. */
export const ROLES_BY_RANK: readonly Role[] = ["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"];

export function roleAtLeast(role: Role, minRole: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minRole];
}

/** The roles weaker than `role` (what must be refused when `role` is required). */
export function rolesBelow(role: Role): Role[] {
  return ROLES_BY_RANK.filter((r) => ROLE_RANK[r] < ROLE_RANK[role]);
}
