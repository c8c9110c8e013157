import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectDagFiles } from "./collect-dag-files";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "updraft-deploy-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("collectDagFiles", () => {
  it("reads the folder's .yaml, .yml and .json files by name, not subfolders or other files", async () => {
    await writeFile(join(dir, "b.yml"), "b");
    await writeFile(join(dir, "a.yaml"), "a");
    await writeFile(join(dir, "c.JSON"), "c");
    await writeFile(join(dir, "README.md"), "docs");
    await mkdir(join(dir, "nested"));
    await writeFile(join(dir, "nested", "deep.yaml"), "deep");
    await symlink(join(dir, "a.yaml"), join(dir, "link.yaml"));

    expect(await collectDagFiles(dir)).toEqual({
      ok: true,
      files: [
        { name: "a.yaml", content: "a" },
        { name: "b.yml", content: "b" },
        { name: "c.JSON", content: "c" },
        { name: "link.yaml", content: "a" },
      ],
    });
  });

  it("explains a missing folder, a file instead of a folder, and a folder without DAG files", async () => {
    expect(await collectDagFiles(join(dir, "nope"))).toEqual({ ok: false, message: `folder ${join(dir, "nope")} does not exist` });
    await writeFile(join(dir, "x.yaml"), "x");
    expect(await collectDagFiles(join(dir, "x.yaml"))).toMatchObject({ ok: false, message: expect.stringContaining("is not a folder") });
    await mkdir(join(dir, "empty"));
    expect(await collectDagFiles(join(dir, "empty"))).toEqual({
      ok: false,
      message: `no DAG files (*.yaml, *.yml, *.json) in ${join(dir, "empty")}`,
    });
  });
});
