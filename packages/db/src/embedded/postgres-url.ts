/** The URL of `database` on a local server where user `postgres` has `password`. */
export function postgresUrl(options: { password: string; port: number; database: string }): string {
  return `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${encodeURIComponent(options.database)}`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
