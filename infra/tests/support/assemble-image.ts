import { cpSync, existsSync, mkdirSync, statSync } from "node:fs";
import { basename, join, posix } from "node:path";
import type { DockerIgnore } from "./dockerignore";
import { copyPaths, type Dockerfile, type Stage } from "./parse-dockerfile";

export interface AssembledImage {
  /** The temp folder standing for the image's "/" */
  root: string;
  /** The image's WORKDIR, as a path under `root`. */
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[];
  /** Where each COPY came from (host paths) and went (image paths). */
  copies: { from: string; source: string; dest: string }[];
}

/** The WORKDIR a stage ends up in (following FROM <earlier stage>). */
function stageWorkdir(dockerfile: Dockerfile, stage: Stage): string {
  const own = stage.instructions.filter((i) => i.keyword === "WORKDIR").at(-1)?.args[0];
  if (own) return own;
  const parent = dockerfile.stages.find((s) => s.name === stage.base);
  if (!parent) throw new Error(`stage ${stage.name} has no WORKDIR`);
  return stageWorkdir(dockerfile, parent);
}

/**
 * What the stage (and the stages it starts from) deletes with `rm -rf` after
 * building, as host paths of the repository: pruned build output.
 */
function stageRemovals(dockerfile: Dockerfile, stage: Stage, repoRoot: string): string[] {
  const parent = dockerfile.stages.find((s) => s.name === stage.base);
  const inherited = parent ? stageRemovals(dockerfile, parent, repoRoot) : [];
  const workdir = stageWorkdir(dockerfile, stage);
  const own = stage.instructions
    .filter((i) => i.keyword === "RUN")
    .flatMap((i) => i.raw.split(/&&|;/).map((c) => c.trim().split(/\s+/)))
    .filter((words) => words[0] === "rm")
    .flatMap((words) => words.slice(1).filter((w) => !w.startsWith("-")))
    .map((path) => join(repoRoot, posix.relative(workdir, posix.resolve(workdir, path))));
  return [...inherited, ...own];
}

/**
 * Builds the final stage's file tree in `root`, exactly as its COPY lines
 * say, from the real build output on this machine: a build stage works in the
 * repository (its WORKDIR, e.g. /repo, is the repository after `npm ci` and
 * the build), so `COPY --from=build /repo/X` takes the repository's X. A
 * source missing there fails loudly. Context COPYs take repository files and
 * must not be excluded by the ignore file. What a build stage prunes with
 * `rm -rf` after building is left out. The only RUN lines allowed in the
 * final stage are `mkdir -p`, `chown` and `chmod` (no package managers):
 * their folders are created.
 */
export function assembleFinalStage(dockerfile: Dockerfile, repoRoot: string, ignore: DockerIgnore, root: string): AssembledImage {
  const final = dockerfile.stages.at(-1)!;
  let workdir = "/";
  const env: Record<string, string> = {};
  let user: string | undefined;
  let cmd: string[] = [];
  const copies: AssembledImage["copies"] = [];
  const inImage = (path: string) => join(root, posix.resolve(workdir, path));

  for (const instruction of final.instructions) {
    switch (instruction.keyword) {
      case "WORKDIR":
        workdir = posix.resolve(workdir, instruction.args[0]!);
        mkdirSync(inImage("."), { recursive: true });
        break;
      case "ENV": {
        for (const pair of instruction.raw.match(/\S+=("[^"]*"|\S+)/g) ?? []) {
          const [key, ...value] = pair.split("=");
          env[key!] = value.join("=").replace(/^"|"$/g, "");
        }
        break;
      }
      case "USER":
        user = instruction.args[0];
        break;
      case "CMD":
        cmd = instruction.args;
        break;
      case "RUN": {
        for (const command of instruction.raw.split(/&&|;/).map((c) => c.trim())) {
          const words = command.split(/\s+/);
          if (words[0] === "mkdir") for (const dir of words.slice(1).filter((w) => !w.startsWith("-"))) mkdirSync(inImage(dir), { recursive: true });
          else if (words[0] !== "chown" && words[0] !== "chmod") {
            throw new Error(`line ${instruction.line}: the runtime stage may only mkdir/chown/chmod, not \`${command}\``);
          }
        }
        break;
      }
      case "COPY":
      case "ADD": {
        if (instruction.keyword === "ADD") throw new Error(`line ${instruction.line}: use COPY, not ADD, in the runtime stage`);
        const { sources, dest } = copyPaths(instruction);
        const fromName = instruction.flags.from;
        const intoDir = dest.endsWith("/") || sources.length > 1;
        for (const source of sources) {
          let hostPath: string;
          let removed: string[] = [];
          if (fromName) {
            const from = dockerfile.stages.find((s) => s.name === fromName);
            if (!from) throw new Error(`line ${instruction.line}: COPY --from=${fromName}: no such stage`);
            const stageRepo = stageWorkdir(dockerfile, from);
            removed = stageRemovals(dockerfile, from, repoRoot);
            const relative = posix.relative(stageRepo, source);
            if (relative.startsWith("..")) throw new Error(`line ${instruction.line}: ${source} is outside stage ${fromName}'s ${stageRepo}`);
            hostPath = join(repoRoot, relative);
            if (!existsSync(hostPath)) {
              throw new Error(`line ${instruction.line}: COPY --from=${fromName} ${source}: the build output has no ${relative} (looked at ${hostPath})`);
            }
          } else {
            const relative = posix.normalize(source).replace(/\/+$/, "");
            hostPath = join(repoRoot, relative);
            if (!existsSync(hostPath)) throw new Error(`line ${instruction.line}: COPY ${source}: no such file in the repository`);
            if (ignore.ignores(relative)) throw new Error(`line ${instruction.line}: COPY ${source}: the .dockerignore leaves it out of the build context`);
          }
          const isDir = statSync(hostPath).isDirectory();
          const target = isDir || !intoDir ? inImage(dest) : inImage(posix.join(dest, basename(hostPath)));
          mkdirSync(isDir ? target : join(target, ".."), { recursive: true });
          const kept = (path: string) => !removed.some((gone) => path === gone || path.startsWith(`${gone}/`));
          cpSync(hostPath, target, { recursive: true, verbatimSymlinks: true, filter: kept });
          copies.push({ from: fromName ?? "context", source: hostPath, dest: posix.resolve(workdir, dest) });
        }
        break;
      }
      default:
        break;
    }
  }
  return { root, workdir: inImage("."), env, user, cmd, copies };
}
