export type { Executor, ExecutorEvents, ExecutorHealthCheck, LaunchRequest, LogStreamName, TaskOutcome, UsageReading } from "./executor";
export { wrapExecutor } from "./wrap-executor";
export { executorKey } from "@updraft/domain/executor-key";
export { taskLogFields, type TaskLogFields } from "./task-log-fields";
export { createLocalExecutor, type LocalExecutor, type LocalExecutorOptions } from "./local/create-local-executor";
export { createNoopExecutor, type NoopExecutorOptions } from "./noop/create-noop-executor";
export { createKubernetesExecutor, type KubernetesExecutor } from "./kubernetes/create-kubernetes-executor";
export { loadDefaultKubeConfig } from "./kubernetes/executor/load-default-kube-config";
export type { PodWatchState } from "./kubernetes/executor/watch-managed-pods";
export type { KubernetesExecutorOptions } from "./kubernetes/executor/kubernetes-executor-options";
export { QuotaExceededError, TenantNotProvisionedError } from "./kubernetes/executor/kubernetes-launch-errors";
export { buildTaskPod, type BuildTaskPodOptions, type BuildTaskPodResult } from "./kubernetes/pods/build-task-pod";
export type { TaskPodInput, TenantPodSettings } from "./kubernetes/pods/task-pod-input";
export { provisionTenant, deprovisionTenant, type ProvisionOptions, type ProvisionResult } from "./kubernetes/provision-tenant";
export {
  parseProvisionTenantInput,
  provisionTenantInputSchema,
  type ProvisionTenantInput,
} from "./kubernetes/provision/provision-tenant-input";
export { tenantLimits, tenantPodSettings, type TenantLimits } from "./kubernetes/provision/tenant-limits";
export { tenantObjectNames, type TenantObjectNames } from "./kubernetes/names/tenant-object-names";

