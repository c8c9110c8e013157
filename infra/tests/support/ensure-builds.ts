import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoPath, REPO_ROOT } from "./repo-paths";
import { withFileLock } from "./with-file-lock";

export const WEB_BUILD_LOCK = "/tmp/updraft-web-build.lock";

const SKIP = new Set(["node_modules", ".next", "dist", ".turbo", ".git"]);

/** The newest modification time of any file under these paths (files or folders; build output folders skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!SKIP.has(entry)) visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(path);
  return newest;
}

const oldestMtime = (files: string[]) => Math.min(...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));

function packageSources(): string[] {
  return readdirSync(repoPath("packages")).flatMap((name) => [repoPath("packages", name, "src"), repoPath("packages", name, "package.json")]);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** The scheduler's bundles (apps/scheduler/dist), rebuilt unless newer than every source they come from. */
export function ensureSchedulerBuild(): { rebuilt: boolean } {
  const outputs = ["main.mjs", "updraft-ops.mjs", "externals.json"].map((file) => repoPath("apps", "scheduler", "dist", file));
  const sources = [repoPath("apps", "scheduler", "src"), repoPath("apps", "scheduler", "scripts"), repoPath("apps", "scheduler", "package.json"), repoPath("prisma", "schema.prisma"), ...packageSources()];
  if (oldestMtime(outputs) > newestMtime(sources)) return { rebuilt: false };
  run("npm", ["run", "build", "-w", "@updraft/scheduler"]);
  return { rebuilt: true };
}

/**
 * Runs `fn` on an up-to-date web build (Next.js standalone output and the
 * custom server bundle), holding the machine's web build lock throughout so
 * no other build replaces apps/web/.next meanwhile. Rebuilds first unless the
 * output is newer than every source it comes from.
 */
export async function withWebBuild<T>(fn: (info: { rebuilt: boolean }) => Promise<T>): Promise<T> {
  return withFileLock(WEB_BUILD_LOCK, async () => {
    const outputs = [repoPath("apps", "web", ".next", "BUILD_ID"), repoPath("apps", "web", ".next", "standalone", "apps", "web", "server.js"), repoPath("apps", "web", "dist", "server.mjs")];
    const sources = [
      ...["src", "server", "scripts", "public", "next.config.ts", "package.json", "postcss.config.mjs"].map((file) => repoPath("apps", "web", file)),
      repoPath("prisma", "schema.prisma"),
      ...packageSources(),
    ];
    let rebuilt = false;
    if (oldestMtime(outputs) <= newestMtime(sources)) {
      run("npm", ["run", "build", "-w", "@updraft/web"]);
      rebuilt = true;
    }
    return fn({ rebuilt });
  });
}
