import { describe, expect, it } from "vitest";
import { buildRequestVariants, countRows } from "./request-variants";
import { readTrpcBatchResult, trpcGetPath } from "./trpc-get-path";

describe("tRPC GET requests as the web client sends them", () => {
  it("puts the input as a superjson batch of one into the query string", () => {
    const path = trpcGetPath("runs.list", { tenantSlug: "acme", dagId: "bench_0001", limit: 50 });
    const url = new URL(path, "http://x");
    expect(url.pathname).toBe("/api/trpc/runs.list");
    expect(url.searchParams.get("batch")).toBe("1");
    expect(JSON.parse(url.searchParams.get("input")!)).toEqual({ 0: { json: { tenantSlug: "acme", dagId: "bench_0001", limit: 50 } } });
  });

  it("reads the data or the error message out of a batch response", () => {
    expect(readTrpcBatchResult('[{"result":{"data":{"json":[1,2]}}}]')).toEqual({ ok: true, data: [1, 2] });
    expect(readTrpcBatchResult('[{"error":{"json":{"message":"Sign in to continue","code":-32001}}}]')).toEqual({
      ok: false,
      message: "Sign in to continue",
    });
    expect(readTrpcBatchResult("<html>")).toMatchObject({ ok: false });
  });
});

describe("request variants", () => {
  const targets = {
    tenantSlug: "acme",
    dagIds: ["d0", "d1", "d2", "d3"],
    loggedTries: [
      { taskInstanceId: "00000000-0000-4000-8000-000000000001", tryNumber: 1 },
      { taskInstanceId: "00000000-0000-4000-8000-000000000002", tryNumber: 2 },
    ],
  };

  it("interleaves the three endpoints with the inputs the UI sends and spreads them over DAGs and tries", () => {
    const variants = buildRequestVariants(targets, 4);
    expect(variants).toHaveLength(12);
    expect(variants.slice(0, 3).map((v) => v.endpoint)).toEqual(["runs.list", "runs.grid", "logs.forTask"]);
    const inputs = variants.map((v) => JSON.parse(new URL(v.path, "http://x").searchParams.get("input")!)[0].json);
    expect(inputs[0]).toEqual({ tenantSlug: "acme", dagId: "d0", limit: 50 });
    expect(inputs[1]).toEqual({ tenantSlug: "acme", dagId: "d2", limit: 25 });
    expect(inputs[5]).toEqual({ tenantSlug: "acme", taskInstanceId: targets.loggedTries[1]!.taskInstanceId, tryNumber: 2 });
    expect(new Set(variants.filter((v) => v.endpoint === "runs.list").map((v) => v.path)).size).toBe(4);
    expect(new Set(variants.filter((v) => v.endpoint === "logs.forTask").map((v) => v.path)).size).toBe(2);
  });

  it("counts runs, filled grid cells and log chunks as rows", () => {
    expect(countRows("runs.list", [{}, {}])).toBe(2);
    expect(countRows("runs.grid", { rows: [{ cells: [{}, null, {}] }, { cells: [null] }] })).toBe(2);
    expect(countRows("logs.forTask", { chunks: [{}, {}, {}] })).toBe(3);
    expect(countRows("logs.forTask", null)).toBe(0);
  });
});
