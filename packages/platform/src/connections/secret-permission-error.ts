import { AccessDeniedError } from "../members/access-denied-error";

/**
 * Refused because the caller may not set or clear secret values (connection
 * passwords): Authors edit connections, Admins handle their passwords. An
 * AccessDeniedError, so the API answers it with FORBIDDEN.
 */
export class SecretPermissionError extends AccessDeniedError {
  constructor(what: string, hint = "Leave the password out and ask a tenant admin to set it.") {
    super(`${what} needs the ADMIN role (or higher). ${hint}`);
  }
}
