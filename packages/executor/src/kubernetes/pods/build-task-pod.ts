import type { V1Pod } from "@kubernetes/client-node";
import { tenantObjectNames } from "../names/tenant-object-names";
import { toDnsLabel } from "../names/to-dns-label";
import { toLabelValue } from "../names/to-label-value";
import {
  DAG_LABEL,
  KEY_ANNOTATION,
  LAUNCH_ANNOTATION,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_LABEL,
  RUN_LABEL,
  TASK_CONTAINER,
  TASK_LABEL,
  TENANT_LABEL,
  TRY_LABEL,
} from "../names/updraft-labels";
import { buildPodEnv } from "./build-pod-env";
import { buildPodResources } from "./build-pod-resources";
import type { TaskPodInput, TenantPodSettings } from "./task-pod-input";

export interface BuildTaskPodOptions {
  tenant?: TenantPodSettings;
  /** Labels the pod with the scheduler replica that owns it (`updraft.dev/scheduler`). */
  ownerId?: string;
}

export type BuildTaskPodResult =
  | { ok: true; pod: V1Pod; namespace: string; name: string; notes: string[] }
  | { ok: false; reason: string };

/** The launch fields kept on the pod (annotation) so a restarted scheduler can rebuild the launch. */
export interface LaunchAnnotation {
  taskInstanceId: string;
  tryNumber: number;
  tenantSlug: string;
  dagId: string;
  runId: string;
  taskId: string;
  executionTimeoutSeconds: number | null;
}

const NO_IMAGE =
  "the task has no image: on Kubernetes every task runs in a container; set `image` on the task or in default_args (e.g. image: python:3.12-slim)";

/**
 * The pod for one try of one task (pure). Deterministic: the same launch
 * always gives the same pod, named after the executor key, so a repeated
 * launch finds the first pod (409 → adopt).
 */
export function buildTaskPod(input: TaskPodInput, options: BuildTaskPodOptions = {}): BuildTaskPodResult {
  if (!input.image) return { ok: false, reason: NO_IMAGE };
  const names = tenantObjectNames(input.tenantSlug);
  const env = buildPodEnv(input.env, input.connectionIds, input.secretNames, names);
  if (!env.ok) return env;
  const fitted = buildPodResources(input.resources, options.tenant, input.tenantSlug);
  if (!fitted.ok) return fitted;
  const { resources, notes } = fitted;
  const name = toDnsLabel(input.key);

  const launch: LaunchAnnotation = {
    taskInstanceId: input.taskInstanceId,
    tryNumber: input.tryNumber,
    tenantSlug: input.tenantSlug,
    dagId: input.dagId,
    runId: input.runId,
    taskId: input.taskId,
    executionTimeoutSeconds: input.executionTimeoutSeconds,
  };
  const labels: Record<string, string> = {
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    [TENANT_LABEL]: toLabelValue(input.tenantSlug),
    [DAG_LABEL]: toLabelValue(input.dagId),
    [RUN_LABEL]: toLabelValue(input.runId),
    [TASK_LABEL]: toLabelValue(input.taskId),
    [TRY_LABEL]: String(input.tryNumber),
  };
  if (options.ownerId !== undefined) labels[OWNER_LABEL] = toLabelValue(options.ownerId);

  const timeout = input.executionTimeoutSeconds;
  const pod: V1Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: names.namespace,
      labels,
      annotations: { [KEY_ANNOTATION]: input.key, [LAUNCH_ANNOTATION]: JSON.stringify(launch) },
    },
    spec: {
      restartPolicy: "Never",
      serviceAccountName: names.taskServiceAccount,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      ...(timeout !== null && timeout > 0 ? { activeDeadlineSeconds: Math.ceil(timeout) } : {}),
      ...(Object.keys(input.nodeSelector).length > 0 ? { nodeSelector: { ...input.nodeSelector } } : {}),
      ...(input.tolerations.length > 0 ? { tolerations: input.tolerations.map((t) => ({ ...t })) } : {}),
      securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
      containers: [
        {
          name: TASK_CONTAINER,
          image: input.image,
          ...(input.command.length > 0 ? { command: [...input.command] } : {}),
          ...(input.args.length > 0 ? { args: [...input.args] } : {}),
          env: env.env,
          resources,
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ["ALL"] },
            seccompProfile: { type: "RuntimeDefault" },
          },
        },
      ],
    },
  };
  return { ok: true, pod, namespace: names.namespace, name, notes };
}
