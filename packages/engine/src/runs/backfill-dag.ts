import type { Db } from "@updraft/db";
import { readDagSpec } from "../dags/read-dag-spec";
import { backfillIntervals } from "../dags/backfill-intervals";
import { UserError } from "../user-error";
import { createDagRun } from "./create-dag-run";
import { lockDag } from "./lock-rows";

/** The most runs one backfill may create. */
export const MAX_BACKFILL_RUNS = 1000;

export interface BackfillDagInput {
  tenantId: string;
  dagDbId: string;
  /** First logical date to cover (inclusive). */
  start: Date;
  /** Last logical date to cover (inclusive). */
  end: Date;
  triggeredById: string | null;
}

/**
 * Airflow's backfill: one BACKFILL run (run id `backfill__<interval start>`)
 * per schedule interval whose start lies in [start, end], skipping intervals
 * that already have a run of any type with that logical date. Runs start
 * QUEUED and max_active_runs applies (the oldest start first).
 */
export async function backfillDag(
  db: Db,
  input: BackfillDagInput,
): Promise<{ created: number; skipped: number; runIds: string[] }> {
  if (Number.isNaN(input.start.getTime()) || Number.isNaN(input.end.getTime())) {
    throw new UserError("The backfill start and end must be valid dates, e.g. 2025-01-01.");
  }
  if (input.end.getTime() < input.start.getTime()) {
    throw new UserError(
      `The backfill end (${input.end.toISOString()}) is before its start (${input.start.toISOString()}): swap them.`,
    );
  }
  return db.$transaction(
    async (tx) => {
      const dag = await tx.dag.findFirst({
        where: { id: input.dagDbId, tenantId: input.tenantId },
        include: { currentVersion: { select: { id: true, spec: true } } },
      });
      if (!dag) throw new UserError("DAG not found in this tenant.");
      if (!dag.currentVersion) throw new UserError(`DAG "${dag.dagId}" has no stored version yet; upload its file first.`);
      await lockDag(tx, dag.id);
      const spec = readDagSpec(dag.currentVersion.spec);
      if (!spec.schedule) {
        throw new UserError(
          `DAG "${dag.dagId}" is manual-only (schedule: null), so it has no intervals to backfill: trigger it instead, or give it a schedule.`,
        );
      }
      const intervals = backfillIntervals(spec, input.start, input.end, MAX_BACKFILL_RUNS);
      if (intervals.length > MAX_BACKFILL_RUNS) {
        throw new UserError(
          `That range covers more than ${MAX_BACKFILL_RUNS} runs of "${dag.dagId}" (schedule ${spec.schedule}): backfill a shorter range at a time.`,
        );
      }
      const existing = await tx.dagRun.findMany({
        where: { dagDbId: dag.id, logicalDate: { in: intervals.map((i) => i.start) } },
        select: { logicalDate: true },
      });
      const taken = new Set(existing.map((r) => r.logicalDate.getTime()));
      const runIds: string[] = [];
      for (const interval of intervals) {
        if (taken.has(interval.start.getTime())) continue;
        const run = await createDagRun(tx, {
          tenantId: input.tenantId,
          dagDbId: dag.id,
          dagVersionId: dag.currentVersion.id,
          spec,
          runType: "BACKFILL",
          runId: `backfill__${interval.start.toISOString()}`,
          logicalDate: interval.start,
          dataIntervalStart: interval.start,
          dataIntervalEnd: interval.end,
          conf: { ...spec.params },
          triggeredById: input.triggeredById,
        });
        if (run) runIds.push(run.runId);
      }
      return { created: runIds.length, skipped: intervals.length - runIds.length, runIds };
    },
    { timeout: 120_000 },
  );
}
