import type { trpc } from "./trpc";

type Utils = ReturnType<typeof trpc.useUtils>;

/** After an action changed runs or tasks: refetch every view of runs and task instances. */
export async function invalidateRunViews(utils: Utils): Promise<void> {
  await Promise.all([utils.runs.invalidate(), utils.taskInstances.invalidate(), utils.dags.list.invalidate(), utils.logs.invalidate()]);
}
