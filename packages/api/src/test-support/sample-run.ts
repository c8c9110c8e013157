import type { Db } from "@updraft/db";
import { memberWithRole } from "./api-callers";
import { sampleDagYaml } from "./sample-dags";

/**
 * An owner uploads the sample `etl_daily` DAG to tenant `slug` and triggers it;
 * a viewer of the same tenant is added. Needs the job queue (ensureJobQueue).
 */
export async function triggeredSampleRun(db: Db, slug: string) {
  const owner = await memberWithRole(db, slug, "OWNER");
  await owner.caller.dags.upload({ tenantSlug: slug, fileName: "etl.yaml", source: sampleDagYaml() });
  const { id: runId } = await owner.caller.dags.trigger({ tenantSlug: slug, dagId: "etl_daily" });
  const viewer = await memberWithRole(db, slug, "VIEWER");
  return { owner, viewer, runId };
}
