// Fails when any workspace has an import cycle between two of its files, or between
// two of its folders (a folder is the directory of a source file; a subfolder is a
// folder of its own). Run from the root by `npm run lint`; prints every cycle.
// dependency-cruiser reads the imports (type-only imports included: they couple the
// files just the same); the cycles are the strongly connected components of the
// file graph and of the folder graph, edges inside one workspace only (the lint
// layer table already orders the workspaces). The folder graph leaves out the
// imports of test files (nothing imports a test, so a test cannot close a cycle of
// the code; it imports its folder's testing helpers, which import the code under
// test) and of a package's entry files (the files package.json "exports" names:
// the public surface re-exports every folder and belongs to none).
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { cruise } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const root = process.argv[2] ? path.resolve(process.argv[2]) : process.cwd();
const workspaceGlobs = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).workspaces;

/** Workspace directories (relative to the root) from the root package.json's globs ("apps/*", "e2e"). */
async function workspaces() {
  const { readdir } = await import("node:fs/promises");
  const dirs = [];
  for (const glob of workspaceGlobs) {
    if (!glob.endsWith("/*")) {
      dirs.push(glob);
      continue;
    }
    const parent = glob.slice(0, -2);
    for (const entry of await readdir(path.join(root, parent), { withFileTypes: true })) {
      if (entry.isDirectory()) dirs.push(`${parent}/${entry.name}`);
    }
  }
  return dirs.filter((d) => existsSync(path.join(root, d, "package.json")));
}

/** Tarjan's strongly connected components of `graph` (Map node → Set of nodes); only components of two or more nodes. */
function cycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indexOf.get(next)));
      }
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexOf.has(node)) visit(node);
  return found;
}

function addEdge(graph, from, to) {
  if (!graph.has(from)) graph.set(from, new Set());
  if (!graph.has(to)) graph.set(to, new Set());
  if (from !== to) graph.get(from).add(to);
}

const dirs = await workspaces();

/** The files a workspace's package.json "exports" (or "main") names, relative to the root. */
function entryFiles(workspace) {
  const manifest = JSON.parse(readFileSync(path.join(root, workspace, "package.json"), "utf8"));
  const targets = [];
  const collect = (value) => {
    if (typeof value === "string") targets.push(path.posix.join(workspace, value));
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(manifest.exports ?? manifest.main);
  return targets;
}

/** The tsconfig "paths" of a workspace as resolver aliases ("@/*": ["./src/*"] → "@": <workspace>/src). */
function pathAliases(tsConfig, workspace) {
  const alias = {};
  for (const [pattern, [target]] of Object.entries(tsConfig?.options?.paths ?? {})) {
    if (!pattern.endsWith("/*") || !target?.endsWith("/*")) continue;
    alias[pattern.slice(0, -2)] = path.resolve(root, workspace, target.slice(0, -2));
  }
  return alias;
}

/** One workspace's modules, resolved with its own tsconfig (apps/web's "@/…" paths). */
async function modulesOf(workspace) {
  const tsConfigFile = path.join(root, workspace, "tsconfig.json");
  const tsConfig = existsSync(tsConfigFile) ? extractTSConfig(tsConfigFile) : undefined;
  const { output } = await cruise(
    [workspace],
    {
      baseDir: root,
      exclude: { path: "(^|/)(node_modules|\\.next|dist|generated|\\.turbo|\\.updraft|artifacts)/" },
      doNotFollow: { path: "node_modules" },
      tsPreCompilationDeps: true,
      moduleSystems: ["es6", "cjs"],
    },
    { extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".json"], alias: pathAliases(tsConfig, workspace) },
    tsConfig ? { tsConfig } : {},
  );
  return output.modules;
}

const isTest = (file) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(file);
const fileGraphs = new Map();
const folderGraphs = new Map();
for (const workspace of dirs) {
  const entries = new Set(entryFiles(workspace));
  const inWorkspace = (file) => file.startsWith(`${workspace}/`);
  const files = new Map();
  const folders = new Map();
  for (const module of await modulesOf(workspace)) {
    if (!inWorkspace(module.source)) continue;
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || dependency.couldNotResolve || !inWorkspace(dependency.resolved)) continue;
      addEdge(files, module.source, dependency.resolved);
      if (isTest(module.source) || entries.has(module.source)) continue;
      addEdge(folders, path.dirname(module.source), path.dirname(dependency.resolved));
    }
  }
  fileGraphs.set(workspace, files);
  folderGraphs.set(workspace, folders);
}

let fileCycles = 0;
let folderCycles = 0;
for (const workspace of dirs) {
  for (const cycle of cycles(folderGraphs.get(workspace))) {
    folderCycles += 1;
    console.error(`folder cycle in ${workspace}: ${cycle.join(" ⇄ ")}`);
  }
  for (const cycle of cycles(fileGraphs.get(workspace))) {
    fileCycles += 1;
    console.error(`file cycle in ${workspace}: ${cycle.join(" ⇄ ")}`);
  }
}
if (fileCycles + folderCycles > 0) {
  console.error(`${folderCycles} folder cycle(s), ${fileCycles} file cycle(s): imports must point one way.`);
  process.exit(1);
}
