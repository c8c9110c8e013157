import { UserError } from "@updraft/engine";

/**
 * The caller may not do this (e.g. an admin changing an owner). The message
 * says why and who can; the API answers it with FORBIDDEN.
 */
export class AccessDeniedError extends UserError {}
