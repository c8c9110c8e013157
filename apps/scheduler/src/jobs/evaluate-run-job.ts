import type { Task } from "graphile-worker";
import { evaluateRun, type AdmissionCoordinator } from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";

export function makeEvaluateRunJob(db: Db, admission: AdmissionCoordinator): Task {
  return async (payload) => {
    const { runId } = parsePayload("evaluate_run", payload);
    await evaluateRun(db, runId, new Date(), admission);
  };
}
