import { UserError } from "@updraft/engine";

/**
 * The thing asked for does not exist in the caller's tenant (also when it
 * exists in another tenant: ids never reveal other tenants). The message says
 * what is missing; the API answers it with NOT_FOUND.
 */
export class NotFoundError extends UserError {}
