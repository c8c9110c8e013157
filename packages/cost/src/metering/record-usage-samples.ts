import type { Db } from "@updraft/db";
import { parseExecutorKey } from "@updraft/domain/executor-key";

/** One usage reading of a running try, by executor key (the executor's `UsageReading`). */
export interface UsageReadingInput {
  key: string;
  /** Cumulative cpu-seconds of the process tree (local executor). */
  cpuSecondsTotal?: number;
  /** Current cores in use (Kubernetes metrics). */
  cpuCores?: number;
  memoryBytes: number;
}

/** The task instance and try an executor key names, when the try number fits the try_number column (int4). */
function tryOfKey(key: string): { taskInstanceId: string; tryNumber: number } | undefined {
  const named = parseExecutorKey(key);
  return named && named.tryNumber <= 2_147_483_647 ? named : undefined;
}

const finiteOrNull = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value >= 0 ? value : null);

/**
 * Stores one usage sample per reading whose executor key is a RUNNING try of
 * this scheduler, sampled at `now` (one statement; the key names the try's
 * task instance and try number, so the unique index finds the row). Readings of keys that
 * are not (or no longer) such a try are dropped: a try that ended meanwhile
 * was already thinned, and another replica's tries are its own to meter.
 * Returns how many samples were stored.
 */
export async function recordUsageSamples(db: Db, readings: readonly UsageReadingInput[], schedulerId: string, now: Date = new Date()): Promise<number> {
  const valid = readings.flatMap((r) => {
    const named = tryOfKey(r.key);
    return named && Number.isFinite(r.memoryBytes) && r.memoryBytes >= 0 ? [{ ...r, ...named }] : [];
  });
  if (valid.length === 0) return 0;
  const keys = valid.map((r) => r.key);
  const instanceIds = valid.map((r) => r.taskInstanceId);
  const tryNumbers = valid.map((r) => r.tryNumber);
  const cpuTotals = valid.map((r) => finiteOrNull(r.cpuSecondsTotal));
  const cpuCores = valid.map((r) => finiteOrNull(r.cpuCores));
  const memory = valid.map((r) => String(Math.round(r.memoryBytes)));
  return db.$executeRaw`
    INSERT INTO usage_samples (task_try_id, sampled_at, cpu_seconds_total, cpu_cores, memory_bytes)
    SELECT tt.id, ${now}::timestamptz, r.cpu_seconds_total, r.cpu_cores, r.memory_bytes
      FROM unnest(${keys}::text[], ${instanceIds}::uuid[], ${tryNumbers}::int[], ${cpuTotals}::float8[], ${cpuCores}::float8[],
                  ${memory}::bigint[]) AS r(key, task_instance_id, try_number, cpu_seconds_total, cpu_cores, memory_bytes)
      JOIN task_tries tt ON tt.task_instance_id = r.task_instance_id AND tt.try_number = r.try_number
     WHERE tt.executor_key = r.key AND tt.state = 'RUNNING' AND tt.scheduler_id = ${schedulerId}::uuid`;
}
