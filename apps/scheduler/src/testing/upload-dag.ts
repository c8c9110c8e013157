import type { Db } from "@updraft/db";
import { readDagSpec, storeDagUpload } from "@updraft/engine";

/** Stores a DAG file and returns what creating runs of it needs. */
export async function uploadDag(db: Db, tenantId: string, source: string, fileName = "dag.yaml") {
  const result = await storeDagUpload(db, { tenantId, fileName, source, userId: null });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  const dag = await db.dag.findUniqueOrThrow({ where: { id: result.dagDbId }, include: { currentVersion: true } });
  return { tenantId, dagDbId: dag.id, dagId: dag.dagId, versionId: dag.currentVersion!.id, spec: readDagSpec(dag.currentVersion!.spec) };
}

export type UploadedDag = Awaited<ReturnType<typeof uploadDag>>;
