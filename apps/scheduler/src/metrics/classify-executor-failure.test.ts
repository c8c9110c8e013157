import { QuotaExceededError, TenantNotProvisionedError } from "@updraft/executor";
import { describe, expect, it } from "vitest";
import { classifyFailureReason, classifyLaunchError } from "./classify-executor-failure";

describe("classifyFailureReason", () => {
  it("names the class of every failure reason the executors and the reconcile write", () => {
    const cases: [string, string | null][] = [
      ["exit code 3", null],
      ["the executor shut down while the task was running", null],
      ["OOMKilled (memory limit 256Mi)", "oom_killed"],
      ["OOMKilled (no memory limit; the node ran out of memory)", "oom_killed"],
      ["image pull failed: ErrImagePull: not found (check the image name and tag, and that the registry is reachable from the cluster)", "image_pull"],
      ["evicted: The node was low on resource: memory.", "evicted"],
      ["execution_timeout of 30s exceeded (DeadlineExceeded)", "deadline_exceeded"],
      ["execution_timeout of 5s exceeded", "deadline_exceeded"],
      ["unschedulable for 5m: 0/3 nodes are available: 3 Insufficient cpu.", "unschedulable"],
      ["Kubernetes rejected the pod: admission webhook denied the request", "api_error"],
      ['command not found: "definitely-not-a-command" (the local executor runs commands on this host)', "spawn_error"],
      ['permission denied: "./run.sh" is not executable', "spawn_error"],
      ["the task has no command (the local executor runs commands on the host; set `command` in the DAG file)", "spawn_error"],
      ['the container could not be created: CreateContainerConfigError: secret "x" not found', "spawn_error"],
      ["the pod was deleted before the task finished (deleted outside Updraft, or its node was lost)", "lost"],
      ["the scheduler running it restarted and its process (or pod) was gone: the task's outcome is unknown", "lost"],
      ["the scheduler running it (sched-a pid 4242) stopped responding", "lost"],
      ["no live scheduler is running it", "lost"],
      ["pod failed: NodeAffinity", "other"],
      ["killed by SIGKILL", "other"],
    ];
    expect(cases.map(([reason]) => [reason, classifyFailureReason(reason)])).toEqual(cases);
  });
});

describe("classifyLaunchError", () => {
  it("tells a refused launch from an API error, a spawn error and anything else", () => {
    expect(classifyLaunchError(new QuotaExceededError("updraft-acme", "k", "exceeded quota: pods=10"), "kubernetes")).toBe("quota_refused");
    expect(classifyLaunchError(new Error("connect ECONNREFUSED 10.0.0.1:443"), "kubernetes")).toBe("api_error");
    expect(classifyLaunchError(new TenantNotProvisionedError("updraft-acme", "acme", "namespace not found"), "kubernetes")).toBe("other");
    expect(classifyLaunchError(new Error("Could not create a working directory for k: ENOSPC"), "local")).toBe("spawn_error");
    expect(classifyLaunchError(new Error("The local executor is shutting down and does not start new tasks."), "local")).toBe("other");
    expect(classifyLaunchError("boom", "noop")).toBe("other");
  });
});
