import type { Db } from "@updraft/db";
import { createDagRun } from "@updraft/engine";
import { uploadDag, type UploadedDag } from "../testing/upload-dag";

export { uploadDag, type UploadedDag };


/**
 * Creates manual runs of several DAGs in one transaction (like a trigger,
 * with unique run ids): the scheduler sees them all at the same moment.
 */
export async function createRuns(db: Db, runs: { dag: UploadedDag; runId: string }[]): Promise<string[]> {
  return db.$transaction(
    async (tx) => {
      const ids: string[] = [];
      const now = new Date();
      for (const { dag, runId } of runs) {
        const run = await createDagRun(tx, {
          tenantId: dag.tenantId,
          dagDbId: dag.dagDbId,
          dagVersionId: dag.versionId,
          spec: dag.spec,
          runType: "MANUAL",
          runId,
          logicalDate: now,
          dataIntervalStart: now,
          dataIntervalEnd: now,
          conf: {},
          triggeredById: null,
        });
        if (!run) throw new Error(`run ${runId} exists already`);
        ids.push(run.id);
      }
      return ids;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Polls until none of the runs is QUEUED or RUNNING. Tests wait for that as long as it takes (their own
 * timeout only guards against a hang); a benchmark may pass `timeoutMs`, and then learns how many are left.
 */
export async function waitForRunsToFinish(db: Db, runIds: string[], options: { pollMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const { pollMs = 100, timeoutMs = Infinity } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await db.dagRun.count({ where: { id: { in: runIds }, state: { in: ["QUEUED", "RUNNING"] } } });
    if (open === 0) return;
    if (Date.now() > deadline) {
      const states = await db.taskInstance.groupBy({
        by: ["state"],
        where: { dagRunId: { in: runIds }, dagRun: { state: { in: ["QUEUED", "RUNNING"] } } },
        _count: true,
      });
      const summary = states.map((s) => `${s.state}=${s._count}`).join(", ");
      throw new Error(`${open} of ${runIds.length} runs still unfinished after ${timeoutMs} ms (their tasks: ${summary})`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
