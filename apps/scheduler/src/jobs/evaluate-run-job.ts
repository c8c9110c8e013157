import type { Task } from "graphile-worker";
import { evaluateRun } from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";

export function makeEvaluateRunJob(db: Db): Task {
  return async (payload) => {
    const { runId } = parsePayload("evaluate_run", payload);
    await evaluateRun(db, runId);
  };
}
