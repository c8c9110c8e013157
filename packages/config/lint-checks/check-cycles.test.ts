// The cycle check that `npm run lint` runs (check-cycles.mjs), on small throwaway repositories:
// it must name a file cycle and a folder cycle, and pass a tree whose imports point one way.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "..", "check-cycles.mjs");
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A repository with one workspace, packages/p, holding `files` (path under src → source). */
async function repoWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "updraft-cycles-"));
  made.push(root);
  await writeFile(join(root, "package.json"), JSON.stringify({ private: true, workspaces: ["packages/*"] }));
  const workspace = join(root, "packages", "p");
  await mkdir(workspace, { recursive: true });
  await writeFile(join(workspace, "package.json"), JSON.stringify({ name: "p", exports: { ".": "./src/index.ts" } }));
  for (const [file, source] of Object.entries(files)) {
    await mkdir(dirname(join(workspace, "src", file)), { recursive: true });
    await writeFile(join(workspace, "src", file), source);
  }
  return root;
}

async function check(root: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [script, root]);
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("check-cycles", () => {
  it("passes a workspace whose files and folders import one way", async () => {
    const root = await repoWith({
      "index.ts": 'export * from "./runs/run";\n',
      "runs/run.ts": 'import { task } from "../tasks/task";\nexport const run = task;\n',
      "tasks/task.ts": "export const task = 1;\n",
    });
    expect(await check(root)).toEqual({ code: 0, stderr: "" });
  });

  it("fails on two files that import each other, naming both", async () => {
    const root = await repoWith({
      "a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
    });
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("file cycle in packages/p: packages/p/src/a.ts ⇄ packages/p/src/b.ts");
  });

  it("fails on two folders that import each other through different files", async () => {
    const root = await repoWith({
      "runs/run.ts": 'import { task } from "../tasks/task";\nexport const run = task;\n',
      "runs/run-state.ts": "export const state = 1;\n",
      "tasks/task.ts": "export const task = 1;\n",
      "tasks/task-run.ts": 'import { state } from "../runs/run-state";\nexport const taskRun = state;\n',
    });
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("folder cycle in packages/p: packages/p/src/runs ⇄ packages/p/src/tasks");
    expect(result.stderr).toContain("1 folder cycle(s), 0 file cycle(s)");
  });
});
