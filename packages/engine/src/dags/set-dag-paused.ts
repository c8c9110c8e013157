import type { Db } from "@updraft/db";
import { UserError } from "../user-error";
import { requestTickIfDue } from "../jobs/request-tick";
import { computeNextRunAt } from "./compute-next-run-at";
import { readDagSpec } from "./read-dag-spec";

/**
 * Pauses or unpauses a DAG. A paused DAG gets no scheduled runs (running ones
 * finish); unpausing recomputes the next run so a DAG without catchup does not
 * fire a burst of missed intervals.
 */
export async function setDagPaused(
  db: Db,
  input: { tenantId: string; dagDbId: string; paused: boolean },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const dag = await tx.dag.findFirst({
      where: { id: input.dagDbId, tenantId: input.tenantId },
      include: { currentVersion: { select: { spec: true } } },
    });
    if (!dag) throw new UserError("DAG not found in this tenant.");
    const nextRunAt =
      !input.paused && dag.currentVersion
        ? await computeNextRunAt(tx, dag.id, readDagSpec(dag.currentVersion.spec))
        : dag.nextRunAt;
    await tx.dag.update({ where: { id: dag.id }, data: { isPaused: input.paused, nextRunAt } });
    if (!input.paused) await requestTickIfDue(tx, nextRunAt);
  });
}
