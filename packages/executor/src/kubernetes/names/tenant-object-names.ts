import { DNS_LABEL } from "./to-dns-label";

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

const PREFIX = "updraft-";

/** Names for tenant `slug`; throws when the slug cannot name a namespace. */
export function tenantObjectNames(slug: string): TenantObjectNames {
  const namespace = `${PREFIX}${slug}`;
  if (!DNS_LABEL.test(slug) || namespace.length > 63) {
    throw new Error(
      `tenant slug "${slug}" cannot name a Kubernetes namespace: use lower-case letters, digits and "-" (at most ${63 - PREFIX.length} characters)`,
    );
  }
  return {
    namespace,
    resourceQuota: "updraft-quota",
    limitRange: "updraft-limits",
    taskServiceAccount: "updraft-task",
    denyIngressPolicy: "updraft-deny-ingress",
    egressPolicy: "updraft-egress",
    secretsSecret: "updraft-secrets",
    connectionsSecret: "updraft-connections",
  };
}
