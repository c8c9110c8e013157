import type { Db } from "@updraft/db";
import { readDagSpec } from "../dags/read-dag-spec";
import { UserError } from "../user-error";
import { createDagRun } from "./create-dag-run";

/**
 * A manual run ("Trigger" in the UI): logical date now, params overridable by
 * `conf`. Unknown params are refused so a typo does not silently fall back to
 * the default.
 */
export async function triggerDagRun(
  db: Db,
  input: { tenantId: string; dagDbId: string; conf?: Record<string, unknown>; triggeredById: string | null },
): Promise<{ id: string; runId: string }> {
  return db.$transaction(async (tx) => {
    const dag = await tx.dag.findFirst({
      where: { id: input.dagDbId, tenantId: input.tenantId },
      include: { currentVersion: { select: { id: true, spec: true } } },
    });
    if (!dag) throw new UserError("DAG not found in this tenant.");
    if (!dag.currentVersion) throw new UserError(`DAG "${dag.dagId}" has no stored version yet; upload its file first.`);
    const spec = readDagSpec(dag.currentVersion.spec);
    const conf = input.conf ?? {};
    const unknown = Object.keys(conf).filter((k) => !(k in spec.params));
    if (unknown.length > 0) {
      const declared = Object.keys(spec.params);
      throw new UserError(
        `Unknown param${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}: ` +
          (declared.length > 0
            ? `this DAG declares ${declared.map((k) => `"${k}"`).join(", ")}.`
            : "this DAG declares no params; add them under `params:` in the DAG file."),
      );
    }
    const now = new Date();
    const run = await createDagRun(tx, {
      tenantId: input.tenantId,
      dagDbId: dag.id,
      dagVersionId: dag.currentVersion.id,
      spec,
      runType: "MANUAL",
      runId: `manual__${now.toISOString()}`,
      logicalDate: now,
      dataIntervalStart: now,
      dataIntervalEnd: now,
      conf: { ...spec.params, ...conf },
      triggeredById: input.triggeredById,
    });
    if (!run) throw new UserError("A run was triggered at this exact moment already; try again.");
    return run;
  });
}
