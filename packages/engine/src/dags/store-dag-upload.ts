import { parseDagFile, type DagError } from "@updraft/dag";
import type { Db } from "@updraft/db";
import { storeDagVersion } from "./store-dag-version";

export type StoreDagUploadResult =
  | { ok: true; dagDbId: string; dagId: string; version: number; unchanged: boolean }
  | { ok: false; errors: DagError[] };

/**
 * Validates an uploaded DAG file and stores it as the DAG's next version.
 * A rejected file stores nothing; re-uploading identical text is a no-op.
 */
export async function storeDagUpload(
  db: Db,
  input: { tenantId: string; fileName: string; source: string; userId: string | null },
): Promise<StoreDagUploadResult> {
  const parsed = parseDagFile(input.fileName, input.source);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return db.$transaction(async (tx) => {
    const stored = await storeDagVersion(tx, { ...input, spec: parsed.spec });
    return { ok: true as const, dagDbId: stored.dagDbId, dagId: stored.dagId, version: stored.version, unchanged: !stored.changed };
  });
}
