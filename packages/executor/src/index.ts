export type { Executor, ExecutorEvents, LaunchRequest, LogStreamName, TaskOutcome } from "./executor";
export { executorKey } from "./executor-key";
export { createLocalExecutor, type LocalExecutorOptions } from "./local/create-local-executor";
export { createNoopExecutor, type NoopExecutorOptions } from "./noop/create-noop-executor";
