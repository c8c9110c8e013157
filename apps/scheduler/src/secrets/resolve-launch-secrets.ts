import type { Db } from "@updraft/db";
import { type ClaimedTaskLaunch } from "@updraft/engine";
import { loadTenantSecretMaterial, resolveTaskSecretEnv, type SecretKeyring } from "@updraft/platform";

export type ResolvedLaunchSecrets = { ok: true; secretEnv?: Record<string, string> } | { ok: false; reason: string };

/**
 * Checks that every connection and secret a task lists exists in its tenant
 * and, with `inject` (executors without Kubernetes Secrets), returns their
 * decrypted values as the `secretEnv` the executor adds to the task's
 * environment (`UPDRAFT_CONN_<ID>`, `AIRFLOW_CONN_<ID>`, `<NAME>`). The values
 * are only returned, never stored or logged. A missing reference gives the
 * reason the try fails with (README, design decision D9).
 */
export async function resolveLaunchSecrets(
  db: Db,
  keyring: SecretKeyring,
  launch: ClaimedTaskLaunch,
  options: { inject: boolean },
): Promise<ResolvedLaunchSecrets> {
  if (launch.connectionIds.length === 0 && launch.secretNames.length === 0) return { ok: true };
  const material = await loadTenantSecretMaterial(db, keyring, launch.tenant.id, { connections: launch.connectionIds, secrets: launch.secretNames });
  const resolved = resolveTaskSecretEnv(material, { tenantSlug: launch.tenantSlug, connections: launch.connectionIds, secrets: launch.secretNames });
  if (!resolved.ok) return { ok: false, reason: resolved.message };
  return options.inject ? { ok: true, secretEnv: resolved.env } : { ok: true };
}
