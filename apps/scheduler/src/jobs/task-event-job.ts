import type { Task } from "graphile-worker";
import { recordTaskOutcome } from "@updraft/engine";
import type { Db } from "@updraft/db";
import { parsePayload } from "./parse-payload";

export function makeTaskEventJob(db: Db): Task {
  return async (payload) => {
    await recordTaskOutcome(db, parsePayload("task_event", payload));
  };
}
