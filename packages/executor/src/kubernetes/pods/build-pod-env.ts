import type { V1EnvVar } from "@kubernetes/client-node";
import type { TenantObjectNames } from "../names/tenant-object-names";

/** Kubernetes' rule for environment variable names. */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export type PodEnvResult = { ok: true; env: V1EnvVar[] } | { ok: false; reason: string };

/**
 * The container's environment: the rendered env as plain values, then every
 * connection as `UPDRAFT_CONN_<ID>` and `AIRFLOW_CONN_<ID>` and every secret as
 * `<NAME>`, all read by the kubelet from the tenant's Secrets
 * (`secretKeyRef`), so no secret value is ever part of the pod spec. A
 * reference wins over a plain variable of the same name.
 */
export function buildPodEnv(
  plain: Record<string, string>,
  connectionIds: readonly string[],
  secretNames: readonly string[],
  names: Pick<TenantObjectNames, "connectionsSecret" | "secretsSecret">,
): PodEnvResult {
  const refs: V1EnvVar[] = [];
  const fromSecret = (name: string, secret: string, key: string): V1EnvVar => ({
    name,
    valueFrom: { secretKeyRef: { name: secret, key } },
  });
  for (const id of connectionIds) {
    const suffix = id.toUpperCase();
    refs.push(fromSecret(`UPDRAFT_CONN_${suffix}`, names.connectionsSecret, id));
    refs.push(fromSecret(`AIRFLOW_CONN_${suffix}`, names.connectionsSecret, id));
  }
  for (const secret of secretNames) {
    const name = secret.toUpperCase();
    if (!ENV_NAME.test(name)) {
      return {
        ok: false,
        reason: `secret "${secret}" cannot be injected as the environment variable ${name}: Kubernetes variable names must not start with a digit; rename the secret`,
      };
    }
    refs.push(fromSecret(name, names.secretsSecret, secret));
  }
  const referenced = new Set(refs.map((r) => r.name));
  const env: V1EnvVar[] = Object.entries(plain)
    .filter(([name]) => !referenced.has(name))
    .map(([name, value]) => ({ name, value }));
  return { ok: true, env: [...env, ...refs] };
}
