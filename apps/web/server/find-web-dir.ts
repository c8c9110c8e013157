import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The web app's folder (the one holding `.next`) for a server module at
 * `modulePath`: apps/web for server/start-web-server.ts and dist/server.mjs,
 * and the standalone tree's apps/web for a server.mjs copied next to its
 * server.js. `UPDRAFT_WEB_DIR` overrides.
 */
export function findWebDir(modulePath: string, env: { UPDRAFT_WEB_DIR?: string }): string {
  if (env.UPDRAFT_WEB_DIR) return env.UPDRAFT_WEB_DIR;
  let dir = dirname(modulePath);
  for (let depth = 0; depth < 3; depth++) {
    if (existsSync(join(dir, ".next"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not built yet: next() will say so. Assume the source layout (server/ inside apps/web).
  return dirname(dirname(modulePath));
}

/**
 * The shipped migrations: `UPDRAFT_MIGRATIONS_DIR` when set (the images), else
 * the repository's prisma/migrations above the web folder, else undefined
 * (readMigrationStatus's own default).
 */
export function findMigrationsDir(webDir: string, fromEnv: string | undefined): string | undefined {
  if (fromEnv) return fromEnv;
  let dir = webDir;
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, "prisma", "migrations");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
