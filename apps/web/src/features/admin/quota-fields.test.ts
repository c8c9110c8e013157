import { describe, expect, it } from "vitest";
import { fieldsNamedIn } from "./quota-fields";

describe("fieldsNamedIn", () => {
  it("finds every field a server message names", () => {
    const message =
      'Invalid quota: cpu: must be a Kubernetes quantity greater than 0, e.g. "4" or "500m"; pods: must be a whole number of pods, 1 or more, e.g. 200';
    expect([...fieldsNamedIn(message)]).toEqual(["cpu", "pods"]);
    expect([...fieldsNamedIn("quota.gpus: GPUs must be a whole number, e.g. 0 or 2")]).toEqual(["gpus"]);
    expect([...fieldsNamedIn("Invalid quota: maxConcurrentTasks: must be a whole number of tasks")]).toEqual(["maxConcurrentTasks"]);
    expect([...fieldsNamedIn("Max concurrent tasks: enter a whole number, e.g. 20")]).toEqual(["maxConcurrentTasks"]);
  });

  it("names nothing for a message about something else", () => {
    expect(fieldsNamedIn("Tenant not found; it may have been deleted already").size).toBe(0);
  });
});
