export { createUser, createUserInput, type CreateUserInput } from "./create-user";
export { createTenant, createTenantInput, type CreateTenantInput } from "./create-tenant";
export { addMembership, addMembershipInput, type AddMembershipInput } from "./add-membership";
export { normalizeEmail } from "./normalize-email";
