import type { Db } from "@updraft/db";
import { backfillDag as backfillDagInEngine } from "@updraft/engine";
import { dateTextToInstant } from "@updraft/dag";
import { findDagOrThrow } from "./find-dag";

export interface BackfillResult {
  dagId: string;
  created: number;
  skipped: number;
  runIds: string[];
  /** The instants the dates were read as (start of day in the DAG's time zone for bare dates). */
  start: Date;
  end: Date;
}

/**
 * Creates backfill runs of the tenant's DAG for a range of logical dates. Bare
 * dates are read as the START of that day in the DAG's time zone, so
 * start=2025-01-01 end=2025-01-03 on a daily DAG covers the runs whose logical
 * dates are 2025-01-01, -02 and -03 (the engine treats both ends inclusively,
 * like `airflow dags backfill -s … -e …`). Instants with an offset are used as given.
 */
export async function backfillDag(
  db: Db,
  input: { tenantId: string; dagId: string; start: string; end: string; userId: string },
): Promise<BackfillResult> {
  const dag = await findDagOrThrow(db, input.tenantId, input.dagId);
  const start = dateTextToInstant(input.start, dag.timezone);
  const end = dateTextToInstant(input.end, dag.timezone);
  const result = await backfillDagInEngine(db, {
    tenantId: input.tenantId,
    dagDbId: dag.id,
    start,
    end,
    triggeredById: input.userId,
  });
  return { dagId: dag.dagId, created: result.created, skipped: result.skipped, runIds: result.runIds, start, end };
}
