import type { V1Pod } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { describeFinishedPod, describePendingProblem, describeStartFailure } from "./describe-pod-state";
import { formatDuration } from "./format-duration";

function pod(status: V1Pod["status"], memory?: string, deadline?: number): V1Pod {
  return {
    metadata: { name: "p", namespace: "updraft-acme" },
    spec: {
      ...(deadline ? { activeDeadlineSeconds: deadline } : {}),
      containers: [{ name: "task", image: "x", resources: memory ? { limits: { memory } } : {} }],
    },
    status,
  };
}

const terminated = (exitCode: number, reason: string) => [
  { name: "task", image: "x", imageID: "", ready: false, restartCount: 0, state: { terminated: { exitCode, reason } } },
];

describe("describeFinishedPod", () => {
  it("is undefined while the pod runs and success when it succeeded", () => {
    expect(describeFinishedPod(pod({ phase: "Running" }))).toBeUndefined();
    expect(describeFinishedPod(pod({ phase: "Succeeded", containerStatuses: terminated(0, "Completed") }))).toEqual({ kind: "success", exitCode: 0 });
  });

  it("names each failure cause", () => {
    expect(describeFinishedPod(pod({ phase: "Failed", containerStatuses: terminated(3, "Error") }))).toEqual({
      kind: "failed",
      exitCode: 3,
      reason: "exit code 3",
    });
    expect(describeFinishedPod(pod({ phase: "Failed", containerStatuses: terminated(137, "OOMKilled") }, "512Mi"))).toEqual({
      kind: "failed",
      exitCode: 137,
      reason: "OOMKilled (memory limit 512Mi)",
    });
    expect(describeFinishedPod(pod({ phase: "Failed", reason: "DeadlineExceeded" }, undefined, 60))).toEqual({
      kind: "failed",
      exitCode: null,
      reason: "execution_timeout of 60s exceeded (DeadlineExceeded)",
    });
    expect(describeFinishedPod(pod({ phase: "Failed", reason: "Evicted", message: "The node was low on resource: memory." }))).toMatchObject({
      reason: "evicted: The node was low on resource: memory.",
    });
    expect(describeFinishedPod(pod({ phase: "Failed", reason: "NodeLost", message: "node gone" }))).toMatchObject({
      reason: "pod failed: NodeLost: node gone",
    });
  });
});

describe("describePendingProblem", () => {
  it("spots unschedulable pods and containers that cannot start", () => {
    expect(describePendingProblem(pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/3 nodes" }] }))).toEqual({
      kind: "unschedulable",
      message: "0/3 nodes",
    });
    const waiting = (reason: string, message: string) =>
      pod({ phase: "Pending", containerStatuses: [{ name: "task", image: "x", imageID: "", ready: false, restartCount: 0, state: { waiting: { reason, message } } }] });
    expect(describePendingProblem(waiting("ContainerCreating", ""))).toBeUndefined();
    expect(describePendingProblem(waiting("ImagePullBackOff", "Back-off pulling image"))).toEqual({
      kind: "start-failure",
      reason: "ImagePullBackOff",
      message: "Back-off pulling image",
      fatal: false,
    });
    expect(describePendingProblem(waiting("InvalidImageName", "bad"))).toMatchObject({ fatal: true });
  });

  it("explains start failures with a hint", () => {
    const p = pod({ phase: "Pending" });
    expect(describeStartFailure({ kind: "start-failure", reason: "ImagePullBackOff", message: 'Back-off pulling image "x"', fatal: false }, p)).toBe(
      'image pull failed: ImagePullBackOff: Back-off pulling image "x" (check the image name and tag, and that the registry is reachable from the cluster)',
    );
    expect(
      describeStartFailure(
        { kind: "start-failure", reason: "CreateContainerConfigError", message: "couldn't find key warehouse in Secret updraft-acme/updraft-connections", fatal: false },
        p,
      ),
    ).toMatch(/connection "warehouse" is not defined for this tenant/);
  });
});

describe("formatDuration", () => {
  it.each([
    [250, "250ms"],
    [5 * 60_000, "5m"],
    [90_000, "1m30s"],
    [2 * 3600_000, "2h"],
  ])("%d ms is %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
