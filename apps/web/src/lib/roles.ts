/** Tenant roles, most powerful first (same order as the API's role ranks). */
const RANK: Record<string, number> = { OWNER: 5, ADMIN: 4, AUTHOR: 3, OPERATOR: 2, VIEWER: 1 };

/** Whether `role` may do what `minRole` may. Unknown/missing roles may do nothing. */
export function roleAtLeast(role: string | null | undefined, minRole: "OWNER" | "ADMIN" | "AUTHOR" | "OPERATOR" | "VIEWER"): boolean {
  return role ? (RANK[role] ?? 0) >= (RANK[minRole] ?? 0) : false;
}
