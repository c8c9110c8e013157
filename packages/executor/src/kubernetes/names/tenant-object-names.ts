import { isTenantSlug, TENANT_NAMESPACE_PREFIX, TENANT_SLUG_MAX_LENGTH } from "@updraft/domain/tenant-slug";

/** The fixed names of every object Updraft manages for one tenant. */
export interface TenantObjectNames {
  namespace: string;
  resourceQuota: string;
  limitRange: string;
  taskServiceAccount: string;
  denyIngressPolicy: string;
  egressPolicy: string;
  secretsSecret: string;
  connectionsSecret: string;
}

/** Names for tenant `slug`; throws when the slug cannot name a namespace. */
export function tenantObjectNames(slug: string): TenantObjectNames {
  if (!isTenantSlug(slug)) {
    throw new Error(
      `tenant slug "${slug}" cannot name a Kubernetes namespace: use lower-case letters, digits and "-" (at most ${TENANT_SLUG_MAX_LENGTH} characters)`,
    );
  }
  return {
    namespace: `${TENANT_NAMESPACE_PREFIX}${slug}`,
    resourceQuota: "updraft-quota",
    limitRange: "updraft-limits",
    taskServiceAccount: "updraft-task",
    denyIngressPolicy: "updraft-deny-ingress",
    egressPolicy: "updraft-egress",
    secretsSecret: "updraft-secrets",
    connectionsSecret: "updraft-connections",
  };
}
