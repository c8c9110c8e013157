import type { UsageReading } from "../executor";
import type { LocalExecutorState } from "./local-executor-state";
import { readProcessGroupUsage } from "./read-process-group-usage";
import { TASK_FILES, readPidFile } from "./task-state-files";

/** The cumulative cpu-seconds and resident memory of each running try's process group (those whose pid is known). */
export async function sampleTaskUsage(state: LocalExecutorState): Promise<UsageReading[]> {
  for (const task of state.running.values()) task.taskPid ??= readPidFile(task.dir, TASK_FILES.task)?.pid;
  const tasks = [...state.running.values()].filter((task) => task.taskPid !== undefined);
  const usage = await readProcessGroupUsage(new Set(tasks.map((task) => task.taskPid!)));
  return tasks.flatMap((task) => {
    const group = usage.get(task.taskPid!);
    return group ? [{ key: task.req.key, cpuSecondsTotal: group.cpuSecondsTotal, memoryBytes: group.memoryBytes }] : [];
  });
}
