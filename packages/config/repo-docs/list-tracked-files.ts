import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Every file git tracks (paths relative to the root, `/`-separated), outside node_modules. */
export function listTrackedFiles(root: string = REPO_ROOT): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return out.split("\0").filter((path) => path !== "" && !path.split("/").includes("node_modules"));
}
