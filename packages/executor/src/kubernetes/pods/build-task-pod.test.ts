import { Pod } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import type { LaunchRequest } from "../../executor";
import { taskRequest } from "../../testing/record-executor-events";
import { DNS_LABEL } from "../names/to-dns-label";
import { LABEL_VALUE } from "../names/to-label-value";
import { buildTaskPod, type BuildTaskPodResult } from "./build-task-pod";
import type { TaskPodInput } from "./task-pod-input";

function input(overrides: Partial<TaskPodInput> = {}): TaskPodInput {
  return {
    ...taskRequest(["python", "/scripts/train.py"], { image: "ghcr.io/acme/ml:2.1", tenantSlug: "acme" }),
    ...overrides,
  };
}

function built(result: BuildTaskPodResult) {
  if (!result.ok) throw new Error(result.reason);
  new Pod(result.pod as never).validate();
  return result;
}

const container = (result: ReturnType<typeof built>) => result.pod.spec!.containers[0]!;

describe("buildTaskPod", () => {
  it("names the pod after the executor key in the tenant's namespace, deterministically", () => {
    const req = input();
    const a = built(buildTaskPod(req));
    const b = built(buildTaskPod(req));
    expect(a.name).toBe(req.key);
    expect(a.name).toMatch(DNS_LABEL);
    expect(a.namespace).toBe("updraft-acme");
    expect(a.pod).toEqual(b.pod);
  });

  it("labels the pod for watches and cost attribution with label-safe values", () => {
    const req = input({ runId: "scheduled__2024-05-01T00:00:00+00:00", tryNumber: 3, dagId: "ml_pipeline", taskId: "train_model" });
    const { pod } = built(buildTaskPod(req, { ownerId: "0b0e8d9e-2f4c-4a43-8a3f-2f0d1f3c9e11" }));
    const labels = pod.metadata!.labels!;
    expect(labels).toMatchObject({
      "app.kubernetes.io/managed-by": "updraft",
      "updraft.dev/tenant": "acme",
      "updraft.dev/dag": "ml_pipeline",
      "updraft.dev/task": "train_model",
      "updraft.dev/try": "3",
      "updraft.dev/scheduler": "0b0e8d9e-2f4c-4a43-8a3f-2f0d1f3c9e11",
    });
    for (const value of Object.values(labels)) expect(value).toMatch(LABEL_VALUE);
    expect(labels["updraft.dev/run"]).not.toBe(req.runId);
    const launch = JSON.parse(pod.metadata!.annotations!["updraft.dev/launch"]!) as { runId: string };
    expect(launch.runId).toBe(req.runId);
    expect(pod.metadata!.annotations!["updraft.dev/key"]).toBe(req.key);
  });

  it("runs the image with command, args and the rendered env", () => {
    const result = built(buildTaskPod(input({ args: ["--date", "2024-05-01"], env: { DS: "2024-05-01" } })));
    expect(container(result)).toMatchObject({
      name: "task",
      image: "ghcr.io/acme/ml:2.1",
      command: ["python", "/scripts/train.py"],
      args: ["--date", "2024-05-01"],
      env: [{ name: "DS", value: "2024-05-01" }],
    });
  });

  it("leaves the image's entrypoint when the task has no command", () => {
    const result = built(buildTaskPod(input({ command: [], args: ["--help"] })));
    expect(container(result).command).toBeUndefined();
    expect(container(result).args).toEqual(["--help"]);
  });

  it("fails with a reason that says how to fix a task without an image", () => {
    const result = buildTaskPod(input({ image: null }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/the task has no image.*set `image`/) });
  });

  it("injects connections and secrets from the tenant's Secrets, never inline", () => {
    const result = built(
      buildTaskPod(input({ env: { OPENAI_API_KEY: "inline!", KEEP: "1" }, connectionIds: ["warehouse"], secretNames: ["openai_api_key"] })),
    );
    const env = container(result).env!;
    expect(env).toEqual([
      { name: "KEEP", value: "1" },
      { name: "UPDRAFT_CONN_WAREHOUSE", valueFrom: { secretKeyRef: { name: "updraft-connections", key: "warehouse" } } },
      { name: "AIRFLOW_CONN_WAREHOUSE", valueFrom: { secretKeyRef: { name: "updraft-connections", key: "warehouse" } } },
      { name: "OPENAI_API_KEY", valueFrom: { secretKeyRef: { name: "updraft-secrets", key: "openai_api_key" } } },
    ]);
    expect(JSON.stringify(result.pod)).not.toContain("inline!");
  });

  it("rejects a secret whose name cannot be an environment variable", () => {
    const result = buildTaskPod(input({ secretNames: ["1password"] }));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('secret "1password" cannot be injected') });
  });

  it("raises limits to the requests (the DAG format example's train_model inherits smaller limits)", () => {
    const result = built(
      buildTaskPod(
        input({ resources: { requests: { cpu: "4", memory: "16Gi", gpu: 1 }, limits: { cpu: "2", memory: "4Gi" } } }),
      ),
    );
    expect(container(result).resources).toEqual({
      requests: { cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" },
      limits: { cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" },
    });
    expect(result.notes).toEqual([
      "cpu limit 2 is below the request 4; raising the limit to 4",
      "memory limit 4Gi is below the request 16Gi; raising the limit to 16Gi",
    ]);
  });

  it("clamps cpu and memory to the tenant's maximum per pod and explains it", () => {
    const result = built(
      buildTaskPod(
        input({ resources: { requests: { cpu: "8", memory: "1Gi", gpu: 1 }, limits: { cpu: "16", memory: "64Gi" } } }),
        { tenant: { maxPerPod: { cpu: "4", memory: "8Gi", gpu: 1 } } },
      ),
    );
    expect(container(result).resources).toEqual({
      requests: { cpu: "4", memory: "1Gi", "nvidia.com/gpu": "1" },
      limits: { cpu: "4", memory: "8Gi", "nvidia.com/gpu": "1" },
    });
    expect(result.notes).toEqual([
      "cpu request 8 is above the tenant's maximum per pod (4); using 4",
      "cpu limit 16 is above the tenant's maximum per pod (4); using 4",
      "memory limit 64Gi is above the tenant's maximum per pod (8Gi); using 8Gi",
    ]);
  });

  it("never runs a task with fewer GPUs than it asks for: more than the tenant's maximum per pod fails, naming both", () => {
    const tenant = { maxPerPod: { cpu: "4", memory: "8Gi", gpu: 1 } };
    expect(buildTaskPod(input({ resources: { requests: { gpu: 4 }, limits: {} } }), { tenant })).toEqual({
      ok: false,
      reason:
        'the task requests 4 GPUs but tenant "acme" allows at most 1 GPU per pod (its GPU quota); ' +
        "lower the task's gpu request or ask a platform admin to raise the tenant's GPU quota",
    });
    const noGpus = buildTaskPod(input({ resources: { requests: {}, limits: { gpu: 1 } } }), { tenant: { maxPerPod: { gpu: 0 } } });
    expect(noGpus).toEqual({ ok: false, reason: expect.stringContaining('requests 1 GPU but tenant "acme" allows at most 0 GPUs per pod') });
  });

  it("gives a request without a limit the larger of the request and the tenant's default limit", () => {
    const result = built(
      buildTaskPod(input({ resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: {} } }), {
        tenant: { defaultLimits: { cpu: "1", memory: "1Gi" } },
      }),
    );
    expect(container(result).resources).toEqual({
      requests: { cpu: "500m", memory: "2Gi" },
      limits: { cpu: "1", memory: "2Gi" },
    });
  });

  it("builds placement and injected references from a full launch request", () => {
    const req: LaunchRequest = {
      key: "ti-0b0e8d9e2f4c4a438a3f2f0d1f3c9e11-t1",
      taskInstanceId: "0b0e8d9e-2f4c-4a43-8a3f-2f0d1f3c9e11",
      tryNumber: 1,
      tenantSlug: "acme",
      dagId: "ml_pipeline",
      runId: "manual__2024-05-01T00:00:00+00:00",
      taskId: "train_model",
      image: "ghcr.io/acme/ml:2.1",
      command: ["python", "/scripts/train.py"],
      args: [],
      env: { DS: "2024-05-01" },
      executionTimeoutSeconds: null,
      resources: { requests: { cpu: "4", memory: "16Gi", gpu: 1 }, limits: {} },
      nodeSelector: { "cloud.google.com/gke-accelerator": "nvidia-tesla-t4" },
      tolerations: [
        { key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" },
        { key: "dedicated", operator: "Equal", value: "ml", effect: "NoExecute", tolerationSeconds: 60 },
      ],
      connectionIds: ["warehouse"],
      secretNames: ["openai_api_key"],
    };
    const result = built(buildTaskPod(req, { tenant: { maxPerPod: { cpu: "8", memory: "32Gi", gpu: 1 } } }));
    expect(result.pod.spec!.nodeSelector).toEqual({ "cloud.google.com/gke-accelerator": "nvidia-tesla-t4" });
    expect(result.pod.spec!.tolerations).toEqual(req.tolerations);
    expect(container(result).env).toEqual([
      { name: "DS", value: "2024-05-01" },
      { name: "UPDRAFT_CONN_WAREHOUSE", valueFrom: { secretKeyRef: { name: "updraft-connections", key: "warehouse" } } },
      { name: "AIRFLOW_CONN_WAREHOUSE", valueFrom: { secretKeyRef: { name: "updraft-connections", key: "warehouse" } } },
      { name: "OPENAI_API_KEY", valueFrom: { secretKeyRef: { name: "updraft-secrets", key: "openai_api_key" } } },
    ]);
    expect(container(result).resources?.requests).toEqual({ cpu: "4", memory: "16Gi", "nvidia.com/gpu": "1" });
  });

  it("leaves placement to the cluster when the launch has no node selector or tolerations", () => {
    const { pod } = built(buildTaskPod(input({ nodeSelector: {}, tolerations: [] })));
    expect(pod.spec!.nodeSelector).toBeUndefined();
    expect(pod.spec!.tolerations).toBeUndefined();
  });

  it("places the pod with node selector and tolerations", () => {
    const { pod } = built(
      buildTaskPod(
        input({
          nodeSelector: { "node.kubernetes.io/instance-type": "p3.2xlarge" },
          tolerations: [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }],
        }),
      ),
    );
    expect(pod.spec!.nodeSelector).toEqual({ "node.kubernetes.io/instance-type": "p3.2xlarge" });
    expect(pod.spec!.tolerations).toEqual([{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }]);
  });

  it("runs once, locked down, with the tenant's task service account and no API token", () => {
    const { pod } = built(buildTaskPod(input({ executionTimeoutSeconds: 7200 })));
    expect(pod.spec).toMatchObject({
      restartPolicy: "Never",
      activeDeadlineSeconds: 7200,
      serviceAccountName: "updraft-task",
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
    });
    expect(pod.spec!.containers[0]!.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(built(buildTaskPod(input())).pod.spec!.activeDeadlineSeconds).toBeUndefined();
  });
});
