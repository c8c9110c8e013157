import type { Db } from "@updraft/db";
import { recordAuditEvent } from "../audit/index";
import { UserError, storeDagVersion } from "@updraft/engine";
import { checkDeployFile, type CheckedDeployFile } from "./check-deploy-file";
import { MAX_DEPLOY_FILES } from "./deploy-limits";
import type { DeployActor, DeployedFileResult, DeployFile, DeployFileError, DeployResult } from "./deploy-types";
import { findConflictingFiles } from "./find-conflicting-files";

export interface DeployDagFilesInput {
  tenantId: string;
  files: DeployFile[];
  actor: DeployActor;
  /** Client IP for the audit event. */
  ip?: string | null;
}

/** Storing up to 100 files may take longer than Prisma's 5 s default. */
const DEPLOY_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;

function rejected(checked: CheckedDeployFile[], conflicts: Map<number, DeployFileError[]>): DeployResult {
  return {
    ok: false,
    results: checked.map((file, index) => {
      const extra = conflicts.get(index) ?? [];
      if (!file.ok) return { file: file.name, ok: false as const, errors: [...file.errors, ...extra] };
      if (extra.length > 0) return { file: file.name, ok: false as const, errors: extra };
      return { file: file.name, ok: true as const, dagId: file.spec.dag_id, stored: false as const };
    }),
  };
}

/**
 * Deploys DAG files to a tenant, all or nothing: every file is validated
 * exactly like an upload in the UI, and if any is rejected nothing is stored
 * (the answer lists each file's errors, or that it was valid but not stored).
 * Otherwise every file becomes its DAG's next version in one transaction,
 * together with one `dag.deploy` audit event.
 */
export async function deployDagFiles(db: Db, input: DeployDagFilesInput): Promise<DeployResult> {
  if (input.files.length === 0) {
    throw new UserError("A deploy needs at least one DAG file (.yaml, .yml or .json).");
  }
  if (input.files.length > MAX_DEPLOY_FILES) {
    throw new UserError(`A deploy takes at most ${MAX_DEPLOY_FILES} files (got ${input.files.length}); deploy in smaller batches.`);
  }
  const checked = input.files.map(checkDeployFile);
  const conflicts = findConflictingFiles(checked);
  if (conflicts.size > 0 || checked.some((file) => !file.ok)) return rejected(checked, conflicts);
  const valid = checked.filter((file): file is Extract<CheckedDeployFile, { ok: true }> => file.ok);

  const results = await db.$transaction(async (tx) => {
    // Lock DAG rows in one order so concurrent deploys of overlapping DAGs cannot deadlock.
    const order = valid.map((_, index) => index).sort((a, b) => compare(valid[a]!.spec.dag_id, valid[b]!.spec.dag_id));
    const stored = new Array<DeployedFileResult>(valid.length);
    for (const index of order) {
      const file = valid[index]!;
      const { dagId, version, changed } = await storeDagVersion(tx, {
        tenantId: input.tenantId,
        fileName: file.name,
        source: file.content,
        spec: file.spec,
        userId: input.actor.userId ?? null,
      });
      stored[index] = { file: file.name, ok: true, dagId, version, changed };
    }
    await recordAuditEvent(tx, {
      tenantId: input.tenantId,
      actor: input.actor,
      action: "dag.deploy",
      targetType: "dag",
      target: truncate(stored.map((r) => r.dagId).join(", "), 500),
      details: { dags: stored.map((r) => ({ file: r.file, dagId: r.dagId, version: r.version, changed: r.changed })) },
      ip: input.ip ?? undefined,
    });
    return stored;
  }, DEPLOY_TRANSACTION);
  return { ok: true, results };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
