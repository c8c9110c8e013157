import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseAllDocuments } from "yaml";

/** A rendered Kubernetes object (what `kubectl kustomize` prints), loosely typed for assertions. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

interface Renderer {
  /** What to show in messages, e.g. "/usr/bin/kubectl kustomize". */
  description: string;
  command: string;
  args(dir: string): string[];
}

function works(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 30_000 });
  return result.status === 0;
}

let cached: Renderer | undefined;

/**
 * How to run Kustomize here: `UPDRAFT_KUBECTL` when set (e.g. an older kubectl
 * to check compatibility), else /usr/bin/kubectl, else `kubectl` on the PATH,
 * else a standalone `kustomize`. Throws a message saying what to install when
 * there is none.
 */
export function findKustomizeRenderer(): Renderer {
  if (cached) return cached;
  const candidates: string[] = [];
  if (process.env.UPDRAFT_KUBECTL) candidates.push(process.env.UPDRAFT_KUBECTL);
  if (existsSync("/usr/bin/kubectl")) candidates.push("/usr/bin/kubectl");
  candidates.push("kubectl");
  for (const kubectl of candidates) {
    if (works(kubectl, ["version", "--client"])) {
      cached = { description: `${kubectl} kustomize`, command: kubectl, args: (dir) => ["kustomize", dir] };
      return cached;
    }
  }
  if (works("kustomize", ["version"])) {
    cached = { description: "kustomize build", command: "kustomize", args: (dir) => ["build", dir] };
    return cached;
  }
  throw new Error(
    "Neither kubectl nor kustomize is installed, so infra/k8s cannot be rendered. Install kubectl " +
      "(the machine image ships kubectl 1.32; on Debian: `apt-get install kubernetes-client`) or kustomize, " +
      "or point UPDRAFT_KUBECTL at a kubectl binary.",
  );
}

/** Renders a Kustomization folder and parses every object it prints. */
export function renderKustomization(dir: string): KubeObject[] {
  const renderer = findKustomizeRenderer();
  const result = spawnSync(renderer.command, renderer.args(dir), { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${renderer.description} ${dir} failed (exit ${result.status}):\n${result.stderr || result.error?.message}`);
  }
  return parseAllDocuments(result.stdout)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${renderer.description} ${dir} printed invalid YAML: ${doc.errors[0]!.message}`);
      return doc.toJS() as KubeObject | null;
    })
    .filter((object): object is KubeObject => object !== null);
}
