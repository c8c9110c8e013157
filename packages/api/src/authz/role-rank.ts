import type { Role } from "@updraft/db";

/** Higher rank = more power. Every role can do what the roles below it can. */
const RANK: Record<Role, number> = { OWNER: 5, ADMIN: 4, AUTHOR: 3, OPERATOR: 2, VIEWER: 1 };

export function roleAtLeast(role: Role, minRole: Role): boolean {
  return RANK[role] >= RANK[minRole];
}
