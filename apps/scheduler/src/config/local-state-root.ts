import { join } from "node:path";
import type { SchedulerEnv } from "./env";

/**
 * The parent of this replica's local task state directory: UPDRAFT_LOCAL_STATE_DIR, else
 * `$UPDRAFT_DATA_DIR/local-tasks` (npm start), else undefined (the system temp dir is used).
 */
export function localStateRootOf(env: Pick<SchedulerEnv, "UPDRAFT_LOCAL_STATE_DIR" | "UPDRAFT_DATA_DIR">): string | undefined {
  if (env.UPDRAFT_LOCAL_STATE_DIR) return env.UPDRAFT_LOCAL_STATE_DIR;
  return env.UPDRAFT_DATA_DIR ? join(env.UPDRAFT_DATA_DIR, "local-tasks") : undefined;
}
