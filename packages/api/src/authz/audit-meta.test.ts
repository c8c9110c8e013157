import { describe, expect, it } from "vitest";
import { appRouter } from "../root-router";
import type { ProcedureMeta } from "../trpc/procedure-meta";

type ProcedureDef = { _def: { type: string; meta?: ProcedureMeta } };

describe("audit meta", () => {
  const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

  it("is declared on every mutation (meta.audit.action), so every change is written to the audit log", () => {
    const mutations = procedures.filter(([, p]) => p._def.type === "mutation");
    expect(mutations.length).toBeGreaterThan(20);
    const missing = mutations.filter(([, p]) => !p._def.meta?.audit?.action).map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it("names actions as dotted lower-case verbs", () => {
    const actions = procedures.map(([, p]) => p._def.meta?.audit?.action).filter((a): a is string => a !== undefined);
    expect(actions.filter((a) => !/^[a-z]+(\.[a-z_]+)+$/.test(a))).toEqual([]);
  });
});
