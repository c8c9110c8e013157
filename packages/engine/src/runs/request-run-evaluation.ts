import type { Db } from "@updraft/db";
import { coalesceByKey } from "../coalesce/coalesce-by-key";
import { evaluateRun } from "./evaluate-run";

const evaluateCoalesced = coalesceByKey<Db>(async (runId, db) => {
  await evaluateRun(db, runId);
});

/**
 * Evaluates a run after the caller's transaction committed, when that
 * transaction found the run locked by another one: concurrent requests of
 * this process (sibling tasks ending together) share one evaluation that
 * starts after all of them.
 */
export function requestRunEvaluation(db: Db, runId: string): Promise<void> {
  return evaluateCoalesced(runId, db);
}
