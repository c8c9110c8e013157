import type { Db } from "@updraft/db";
import type { AdmissionCoordinator } from "../admission/admission-coordinator";
import { coalesceByKey } from "../coalesce/coalesce-by-key";
import { evaluateRun } from "./evaluate-run";

const evaluateCoalesced = coalesceByKey<{ db: Db; admission: AdmissionCoordinator }>(async (runId, { db, admission }) => {
  await evaluateRun(db, runId, new Date(), admission);
});

/**
 * Evaluates a run after the caller's transaction committed, when that
 * transaction found the run locked by another one: concurrent requests of
 * this process (sibling tasks ending together) share one evaluation that
 * starts after all of them.
 */
export function requestRunEvaluation(db: Db, runId: string, admission: AdmissionCoordinator): Promise<void> {
  return evaluateCoalesced(runId, { db, admission });
}
