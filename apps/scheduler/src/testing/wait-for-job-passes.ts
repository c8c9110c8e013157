import type { RunningScheduler } from "../start-scheduler";
import { waitUntil } from "@updraft/config/wait-until";

async function completedRuns(scheduler: RunningScheduler, job: string): Promise<number> {
  const { values } = await scheduler.metrics.jobs.get();
  return values.find((v) => v.labels.job === job && v.labels.outcome === "ok")?.value ?? 0;
}

/**
 * Waits until `passes` runs of the `job` job (tick, reconcile …) have started and completed on this replica
 * after the call, as its jobs counter records them. The run that may be in flight at the call started before
 * it, so it is not counted. For tests that assert something did NOT happen: once a pass has run after the
 * moment in question, a wrong behaviour would have happened.
 */
export async function waitForJobPasses(scheduler: RunningScheduler, job: string, passes: number): Promise<void> {
  const target = (await completedRuns(scheduler, job)) + passes + 1;
  await waitUntil(
    async () => (await completedRuns(scheduler, job)) >= target,
    async () => `${job} runs to reach ${target} (now ${await completedRuns(scheduler, job)})`,
  );
}
