import { formatDagError, type DagError } from "@updraft/dag";
import type { Db } from "@updraft/db";
import { storeDagUpload } from "@updraft/engine";

export type UploadDagResult =
  | { ok: true; dagId: string; version: number; unchanged: boolean }
  | { ok: false; errors: Array<DagError & { formatted: string }> };

/** Parses, validates and stores an uploaded DAG file; nothing is stored when it is rejected. */
export async function uploadDag(
  db: Db,
  input: { tenantId: string; userId: string; fileName: string; source: string },
): Promise<UploadDagResult> {
  const result = await storeDagUpload(db, {
    tenantId: input.tenantId,
    fileName: input.fileName,
    source: input.source,
    userId: input.userId,
  });
  if (!result.ok) {
    return { ok: false, errors: result.errors.map((e) => ({ ...e, formatted: formatDagError(e) })) };
  }
  return { ok: true, dagId: result.dagId, version: result.version, unchanged: result.unchanged };
}
