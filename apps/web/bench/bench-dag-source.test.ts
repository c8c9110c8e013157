import { parseDagFile } from "@updraft/dag";
import { describe, expect, it } from "vitest";
import { BENCH_TASK_IDS, benchDagFileName, benchDagId, benchDagSource } from "./bench-dag-source";

describe("the bench DAG file", () => {
  it("is a valid DAG file with ten tasks in graph order and its own dag_id", () => {
    const parsed = parseDagFile(benchDagFileName(42), benchDagSource(42));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.spec.dag_id).toBe("bench_0042");
    expect(parsed.spec.tasks.map((t) => t.task_id)).toEqual([...BENCH_TASK_IDS]);
    expect(parsed.spec.tasks.find((t) => t.task_id === "join")?.depends_on).toEqual([
      "transform_orders",
      "transform_customers",
      "transform_products",
    ]);
    expect(parsed.spec.tasks.every((t) => t.retries === 1)).toBe(true);
    expect(benchDagId(999)).toBe("bench_0999");
  });
});
