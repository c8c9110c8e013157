import type { Logger } from "pino";
import { isAlreadyExists, isConflict, isNotFound } from "../api/kube-api-error";
import { withApiRetries, type RetryPolicy } from "../api/with-api-retries";

export type EnsureAction = "created" | "updated" | "unchanged";

export interface ManagedObject<T> {
  /** "ResourceQuota updraft-acme/updraft-quota", for results and logs. */
  describe: string;
  desired: T;
  read(): Promise<T>;
  create(body: T): Promise<T>;
  replace(body: T): Promise<T>;
  /** The existing object already has every field Updraft owns as desired. */
  upToDate(existing: T): boolean;
  /** The existing object with Updraft's fields set as desired; everything else (and resourceVersion) kept. */
  merge(existing: T): T;
}

const MAX_CONFLICTS = 5;

/**
 * Create-or-repair for one object: created when missing, replaced when a
 * field Updraft owns drifted (someone edited it by hand), left alone — no
 * write at all — when it matches. Optimistic concurrency: a Conflict re-reads
 * and tries again.
 */
export async function ensureObject<T>(object: ManagedObject<T>, retry: RetryPolicy, logger?: Logger): Promise<EnsureAction> {
  for (let attempt = 1; ; attempt++) {
    let existing: T;
    try {
      existing = await withApiRetries(() => object.read(), retry);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      try {
        await withApiRetries(() => object.create(object.desired), retry);
        logger?.info({ object: object.describe }, "created");
        return "created";
      } catch (createError) {
        if (isAlreadyExists(createError) && attempt < MAX_CONFLICTS) continue;
        throw createError;
      }
    }
    if (object.upToDate(existing)) return "unchanged";
    try {
      await withApiRetries(() => object.replace(object.merge(existing)), retry);
      logger?.info({ object: object.describe }, "repaired drift");
      return "updated";
    } catch (error) {
      if ((isConflict(error) || isNotFound(error)) && attempt < MAX_CONFLICTS) continue;
      throw error;
    }
  }
}
