import { createHash } from "node:crypto";
import type { DagSpec } from "@updraft/dag";
import type { Prisma, Tx } from "@updraft/db";
import { computeNextRunAt } from "./compute-next-run-at";
import { requestTickIfDue } from "../jobs/request-tick";

/**
 * Stores a validated DAG file as its DAG's next version inside the caller's
 * transaction (storeDagUpload's rules: identical text is a no-op, version
 * numbers stay dense under concurrent uploads, a due DAG asks for a tick).
 */
export async function storeDagVersion(
  tx: Tx,
  input: { tenantId: string; fileName: string; source: string; spec: DagSpec; userId: string | null },
): Promise<{ dagDbId: string; dagId: string; version: number; changed: boolean }> {
  const { spec } = input;
  const sha256 = createHash("sha256").update(input.source).digest("hex");
  const dag = await tx.dag.upsert({
    where: { tenantId_dagId: { tenantId: input.tenantId, dagId: spec.dag_id } },
    create: { tenantId: input.tenantId, dagId: spec.dag_id, schedule: spec.schedule, timezone: spec.timezone },
    update: {},
    include: { currentVersion: { select: { sha256: true, version: true } } },
  });
  await tx.$executeRaw`SELECT 1 FROM dags WHERE id = ${dag.id}::uuid FOR UPDATE`;
  if (dag.currentVersion?.sha256 === sha256) {
    return { dagDbId: dag.id, dagId: dag.dagId, version: dag.currentVersion.version, changed: false };
  }
  const latest = await tx.dagVersion.aggregate({ where: { dagDbId: dag.id }, _max: { version: true } });
  const version = (latest._max.version ?? 0) + 1;
  const created = await tx.dagVersion.create({
    data: {
      dagDbId: dag.id,
      version,
      fileName: input.fileName,
      sourceText: input.source,
      sha256,
      spec: spec as unknown as Prisma.InputJsonValue,
      createdById: input.userId,
    },
  });
  const nextRunAt = await computeNextRunAt(tx, dag.id, spec);
  await tx.dag.update({
    where: { id: dag.id },
    data: { currentVersionId: created.id, schedule: spec.schedule, timezone: spec.timezone, nextRunAt },
  });
  if (!dag.isPaused) await requestTickIfDue(tx, nextRunAt);
  return { dagDbId: dag.id, dagId: dag.dagId, version, changed: true };
}
