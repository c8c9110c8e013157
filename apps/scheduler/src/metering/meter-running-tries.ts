import type { Db } from "@updraft/db";
import { recordUsageSamples } from "@updraft/cost";
import type { Executor } from "@updraft/executor";

/**
 * One pass of the `meter` loop: samples the resource usage of the tries
 * this replica's executor runs and stores it for the tries' cost (thinned
 * into totals by `finalizeTryUsage` when each try ends). Executors that
 * cannot measure (noop) make this a no-op.
 */
export function makeMeter(db: Db, executor: Pick<Executor, "sampleUsage">, schedulerId: string) {
  return async function meter(): Promise<void> {
    if (!executor.sampleUsage) return;
    const readings = await executor.sampleUsage();
    if (readings.length > 0) await recordUsageSamples(db, readings, schedulerId, new Date());
  };
}
