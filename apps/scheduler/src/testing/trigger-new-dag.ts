import type { Db } from "@updraft/db";
import { triggerDagRun } from "@updraft/engine";
import { uploadDag } from "./upload-dag";

/** Uploads a DAG file and triggers a manual run of it; returns the run's database id. */
export async function triggerNewDag(db: Db, tenantId: string, source: string): Promise<string> {
  const dag = await uploadDag(db, tenantId, source);
  const { id } = await triggerDagRun(db, { tenantId, dagDbId: dag.dagDbId, triggeredById: null });
  return id;
}
