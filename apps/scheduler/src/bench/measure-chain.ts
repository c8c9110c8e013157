import { join } from "node:path";
import { triggerDagRun } from "@updraft/engine";
import type { ExecutorName } from "../create-executor";
import { uploadDag } from "../ha/ha-fixtures";
import { chainDag } from "./bench-dags";
import { freshDatabase, startSchedulers, type BenchEnvironment } from "./bench-environment";
import { median } from "./percentiles";

export interface ChainTiming {
  executor: ExecutorName;
  length: number;
  /** Wall time of each run: trigger called → run seen SUCCESS (polled every 2 ms), in ms. */
  wallMs: number[];
  medianMs: number;
}

/**
 * Triggers a chain of `length` `true` tasks `repeats` times, one after the
 * other (after one untimed warm-up run), and times each run.
 */
export async function measureChain(
  env: BenchEnvironment,
  options: { executor: ExecutorName; length: number; repeats: number },
): Promise<ChainTiming> {
  const database = await freshDatabase(env);
  try {
    const dag = await uploadDag(database.db, database.tenantId, chainDag("chain", options.length, 1));
    const [scheduler] = await startSchedulers(env, database, {
      count: 1,
      executor: options.executor,
      launchLog: join(env.dir, `chain-${options.executor}.log`),
    });
    const wallMs: number[] = [];
    try {
      // The first run warms the scheduler up (JIT, caches); it is not counted.
      for (let i = -1; i < options.repeats; i++) {
        const started = performance.now();
        const { id } = await triggerDagRun(database.db, { tenantId: database.tenantId, dagDbId: dag.dagDbId, triggeredById: null });
        for (;;) {
          const [run] = await database.db.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM dag_runs WHERE id = ${id}::uuid`;
          if (run?.state === "SUCCESS") break;
          if (run?.state === "FAILED") throw new Error(`chain run ${id} failed; see the scheduler logs in ${env.dir}`);
          if (performance.now() - started > 60_000) throw new Error(`chain run ${id} did not finish within 60 s`);
          await new Promise((r) => setTimeout(r, 2));
        }
        if (i >= 0) wallMs.push(performance.now() - started);
        // Distinct manual run ids (they carry the trigger time in ms).
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await scheduler!.stop();
    }
    return { executor: options.executor, length: options.length, wallMs, medianMs: median(wallMs) };
  } finally {
    await database.close();
  }
}
