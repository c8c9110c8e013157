/**
 * A one-line description of an error from node-postgres, with the SQLSTATE,
 * detail and hint Postgres sent, and the line of `sql` the error points at.
 */
export function describePgError(error: unknown, sql?: string): string {
  if (!(error instanceof Error)) return String(error);
  const pgError = error as Error & { code?: string; detail?: string; hint?: string; position?: string };
  const parts = [pgError.message];
  if (pgError.code) parts.push(`(SQLSTATE ${pgError.code})`);
  if (sql && pgError.position) {
    const offset = Number.parseInt(pgError.position, 10);
    if (Number.isInteger(offset) && offset > 0) {
      parts.push(`at line ${sql.slice(0, offset - 1).split("\n").length}`);
    }
  }
  if (pgError.detail) parts.push(`detail: ${pgError.detail}`);
  if (pgError.hint) parts.push(`hint: ${pgError.hint}`);
  return parts.join(" ");
}

/** `url` with the password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable database URL>";
  }
}
