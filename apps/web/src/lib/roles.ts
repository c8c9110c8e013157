import { isTenantRole, roleAtLeast as rankedAtLeast, ROLES_BY_RANK as ROLES, type TenantRole } from "@updraft/domain/roles";

export type { TenantRole };

/** Whether `role` may do what `minRole` may. Unknown/missing roles may do nothing. */
export function roleAtLeast(role: string | null | undefined, minRole: TenantRole): boolean {
  return isTenantRole(role) && rankedAtLeast(role, minRole);
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
