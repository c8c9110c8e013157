import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";

export interface DagFile {
  name: string;
  content: string;
}

export type CollectedDagFiles = { ok: true; files: DagFile[] } | { ok: false; message: string };

const DAG_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/** The DAG files (*.yaml, *.yml, *.json) directly in `dir`, by name. Subfolders are not read. */
export async function collectDagFiles(dir: string): Promise<CollectedDagFiles> {
  const info = await stat(dir).catch(() => null);
  if (!info) return { ok: false, message: `folder ${dir} does not exist` };
  if (!info.isDirectory()) return { ok: false, message: `${dir} is not a folder: give the folder that holds the DAG files` };
  const entries = await readdir(dir, { withFileTypes: true });
  const candidates = entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && DAG_EXTENSIONS.has(extname(entry.name).toLowerCase()));
  const names: string[] = [];
  for (const entry of candidates) {
    // A symlink counts when it points at a file.
    if (entry.isFile() || (await stat(join(dir, entry.name)).catch(() => null))?.isFile()) names.push(entry.name);
  }
  names.sort();
  if (names.length === 0) return { ok: false, message: `no DAG files (*.yaml, *.yml, *.json) in ${dir}` };
  const files = await Promise.all(names.map(async (name) => ({ name, content: await readFile(join(dir, name), "utf8") })));
  return { ok: true, files };
}
