/** Tenant roles, most powerful first (same order as the API's role ranks). */
export const ROLES = ["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"] as const;

export type TenantRole = (typeof ROLES)[number];

const RANK: Record<string, number> = { OWNER: 5, ADMIN: 4, AUTHOR: 3, OPERATOR: 2, VIEWER: 1 };

/** Whether `role` may do what `minRole` may. Unknown/missing roles may do nothing. */
export function roleAtLeast(role: string | null | undefined, minRole: TenantRole): boolean {
  return role ? (RANK[role] ?? 0) >= (RANK[minRole] ?? 0) : false;
}

/** The roles at or below `role` (what a token created by `role` may carry), most powerful first. */
export function rolesUpTo(role: string | null | undefined): TenantRole[] {
  return ROLES.filter((r) => roleAtLeast(role, r));
}

/**
 * The roles `role` may give a member or an invitee: Owners any role, Admins
 * any role but Owner (only Owners grant Owner); nobody else manages members.
 */
export function grantableRoles(role: string | null | undefined): TenantRole[] {
  if (role === "OWNER") return [...ROLES];
  if (role === "ADMIN") return ROLES.filter((r) => r !== "OWNER");
  return [];
}

/** The role a new invitation or token starts with: Author when offered, else the weakest role offered. */
export function defaultRoleAmong(roles: TenantRole[]): TenantRole {
  return roles.includes("AUTHOR") ? "AUTHOR" : (roles[roles.length - 1] ?? "VIEWER");
}

/** "Owner", "Admin", … for a role name. */
export function roleLabel(role: string): string {
  return role.charAt(0) + role.slice(1).toLowerCase();
}
