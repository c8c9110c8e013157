import { randomUUID } from "node:crypto";
import pino from "pino";
import type { ExecutorEvents, LaunchRequest } from "../../executor";
import { executorKey } from "@updraft/domain/executor-key";
import { recordExecutorEvents } from "../../testing/record-executor-events";
import { createKubernetesExecutor, type KubernetesExecutor } from "../create-kubernetes-executor";
import type { KubernetesExecutorOptions } from "../executor/kubernetes-executor-options";
import type { TaskPodInput } from "../pods/task-pod-input";
import { provisionTenant } from "../provision-tenant";
import { parseProvisionTenantInput, type ProvisionTenantInput } from "../provision/provision-tenant-input";
import { tenantPodSettings } from "../provision/tenant-limits";
import { startFakeKubeApi, type FakeKubeApiOptions } from "./fake-kube-api";

export const FAST_EXECUTOR_OPTIONS: KubernetesExecutorOptions = {
  logReconnectDelayMs: 20,
  minResyncDelayMs: 20,
  maxResyncDelayMs: 200,
  apiRetry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
  startFailureGraceMs: 100,
  unschedulableTimeoutMs: 150,
  logger: pino({ level: "silent" }),
};

export const DEFAULT_TENANT: ProvisionTenantInput = {
  slug: "acme",
  quota: { cpu: "8", memory: "16Gi", gpus: 1, pods: 20 },
  secrets: { openai_api_key: "sk-test" },
  connections: { warehouse: "postgresql://u:p@db:5432/dw" },
  clusterCidrs: ["10.244.0.0/16", "10.96.0.0/12"],
};

/**
 * A provisioned tenant on the fake API plus a way to make executors against
 * it, for tests of the Kubernetes executor.
 */
export async function startKubernetesExecutorFixture(
  apiOptions: FakeKubeApiOptions = {},
  tenant: ProvisionTenantInput = DEFAULT_TENANT,
) {
  const api = await startFakeKubeApi({ msPerSecond: 20, ...apiOptions });
  await provisionTenant(api.kubeConfig, tenant);
  const settings = tenantPodSettings(parseProvisionTenantInput(tenant));
  const executors: KubernetesExecutor[] = [];

  /** `events`: optional callbacks for the executor besides the recorded onLog/onExit (e.g. storedLogLines). */
  function newExecutor(options: KubernetesExecutorOptions = {}, events: Pick<ExecutorEvents, "storedLogLines"> = {}) {
    const recorder = recordExecutorEvents(events);
    const executor = createKubernetesExecutor(recorder.handlers, {
      ...FAST_EXECUTOR_OPTIONS,
      kubeConfig: api.kubeConfig,
      tenantSettings: () => settings,
      ...options,
    });
    executors.push(executor);
    return { executor, recorder };
  }

  /** A launch of `image` for the fixture's tenant. */
  function request(image: string | null, overrides: Partial<TaskPodInput> = {}): TaskPodInput {
    const taskInstanceId = overrides.taskInstanceId ?? randomUUID();
    const tryNumber = overrides.tryNumber ?? 1;
    const req: LaunchRequest = {
      key: executorKey(taskInstanceId, tryNumber),
      taskInstanceId,
      tryNumber,
      tenantSlug: tenant.slug,
      dagId: "etl",
      runId: "manual__2024-05-01T00:00:00+00:00",
      taskId: "extract",
      image,
      command: ["python", "-m", "job"],
      args: [],
      env: { EXECUTION_DATE: "2024-05-01" },
      executionTimeoutSeconds: null,
      resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: {} },
      nodeSelector: {},
      tolerations: [],
      connectionIds: [],
      secretNames: [],
    };
    return { ...req, ...overrides };
  }

  return {
    api,
    newExecutor,
    request,
    /** The pod of a launch, as the API stores it. */
    pod: (req: LaunchRequest) => api.state.get("pods", `updraft-${req.tenantSlug}`, req.key),
    async close() {
      await Promise.all(executors.map((e) => e.shutdown()));
      await api.close();
    },
  };
}

export type KubernetesExecutorFixture = Awaited<ReturnType<typeof startKubernetesExecutorFixture>>;
