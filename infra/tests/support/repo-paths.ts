import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is infra/tests/support/repo-paths.ts). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** infra/k8s: the Kustomize base and overlays. */
export const K8S_DIR = join(REPO_ROOT, "infra", "k8s");

export const repoPath = (...parts: string[]): string => join(REPO_ROOT, ...parts);
