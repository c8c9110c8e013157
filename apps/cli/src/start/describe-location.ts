import { isAbsolute, relative } from "node:path";

/** `.updraft/pg` for a path inside the repository, the absolute path otherwise. */
export function describeLocation(path: string, repoRoot: string): string {
  const rel = relative(repoRoot, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** A database URL safe to print: the password replaced by ***. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
