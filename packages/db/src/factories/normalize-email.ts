/** E-mail addresses are stored trimmed and lower-cased; look users up with the same form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
