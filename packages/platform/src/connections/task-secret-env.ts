import type { TenantSecretMaterial } from "./load-tenant-secret-material";
import { connectionEnvNames, secretEnvName } from "./names";

/** Every env variable of a tenant's material (what a Kubernetes tenant Secret holds). */
export function tenantSecretEnv(material: TenantSecretMaterial): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [connId, uri] of Object.entries(material.connections)) {
    for (const name of connectionEnvNames(connId)) entries.push([name, uri]);
  }
  for (const [name, value] of Object.entries(material.secrets)) entries.push([secretEnvName(name), value]);
  return Object.fromEntries(entries);
}

export type TaskSecretEnv = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/**
 * The env a task gets for the connections and secrets it lists, or the
 * message its try fails with when one does not exist in the tenant.
 */
export function resolveTaskSecretEnv(
  material: TenantSecretMaterial,
  task: { tenantSlug: string; connections: readonly string[]; secrets: readonly string[] },
): TaskSecretEnv {
  const entries: [string, string][] = [];
  for (const connId of task.connections) {
    const uri = Object.hasOwn(material.connections, connId) ? material.connections[connId] : undefined;
    if (uri === undefined) {
      return { ok: false, message: `connection "${connId}" does not exist in tenant "${task.tenantSlug}": create it on the Connections page` };
    }
    for (const name of connectionEnvNames(connId)) entries.push([name, uri]);
  }
  for (const name of task.secrets) {
    const value = Object.hasOwn(material.secrets, name) ? material.secrets[name] : undefined;
    if (value === undefined) {
      return { ok: false, message: `secret "${name}" does not exist in tenant "${task.tenantSlug}": create it on the Secrets page` };
    }
    entries.push([secretEnvName(name), value]);
  }
  return { ok: true, env: Object.fromEntries(entries) };
}
