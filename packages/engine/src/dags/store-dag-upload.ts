import { createHash } from "node:crypto";
import { parseDagFile, type DagError } from "@updraft/dag";
import type { Db, Prisma } from "@updraft/db";
import { requestTickIfDue } from "../scheduling/request-tick";
import { computeNextRunAt } from "./compute-next-run-at";

export type StoreDagUploadResult =
  | { ok: true; dagDbId: string; dagId: string; version: number; unchanged: boolean }
  | { ok: false; errors: DagError[] };

/**
 * Validates an uploaded DAG file and stores it as the DAG's next version.
 * A rejected file stores nothing; re-uploading identical text is a no-op.
 */
export async function storeDagUpload(
  db: Db,
  input: { tenantId: string; fileName: string; source: string; userId: string | null },
): Promise<StoreDagUploadResult> {
  const parsed = parseDagFile(input.fileName, input.source);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const spec = parsed.spec;
  const sha256 = createHash("sha256").update(input.source).digest("hex");

  return db.$transaction(async (tx) => {
    const dag = await tx.dag.upsert({
      where: { tenantId_dagId: { tenantId: input.tenantId, dagId: spec.dag_id } },
      create: { tenantId: input.tenantId, dagId: spec.dag_id, schedule: spec.schedule, timezone: spec.timezone },
      update: {},
      include: { currentVersion: { select: { sha256: true, version: true } } },
    });
    // Serialise concurrent uploads of the same DAG so version numbers stay dense.
    await tx.$executeRaw`SELECT 1 FROM dags WHERE id = ${dag.id}::uuid FOR UPDATE`;
    if (dag.currentVersion?.sha256 === sha256) {
      return { ok: true as const, dagDbId: dag.id, dagId: dag.dagId, version: dag.currentVersion.version, unchanged: true };
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
    return { ok: true as const, dagDbId: dag.id, dagId: dag.dagId, version, unchanged: false };
  });
}
