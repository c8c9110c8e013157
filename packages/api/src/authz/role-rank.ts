export { roleAtLeast, rolesBelow, ROLE_RANK, ROLES_BY_RANK } from "@updraft/platform";
