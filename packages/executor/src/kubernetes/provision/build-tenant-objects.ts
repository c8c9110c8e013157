import type { V1LimitRange, V1Namespace, V1NetworkPolicy, V1ResourceQuota, V1Secret, V1ServiceAccount } from "@kubernetes/client-node";
import { GPU_RESOURCE } from "../pods/build-pod-resources";
import type { TenantObjectNames } from "../names/tenant-object-names";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, TENANT_LABEL } from "../names/updraft-labels";
import type { ProvisionTenantSpec } from "./provision-tenant-input";
import type { TenantLimits } from "./tenant-limits";

export const METADATA_ADDRESS = "169.254.169.254/32";

export function tenantLabels(slug: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [TENANT_LABEL]: slug };
}

/** The tenant's namespace, with Pod Security Admission `restricted` enforced (and audited, warned). */
export function buildTenantNamespace(slug: string, names: TenantObjectNames): V1Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: names.namespace,
      labels: {
        ...tenantLabels(slug),
        "pod-security.kubernetes.io/enforce": "restricted",
        "pod-security.kubernetes.io/enforce-version": "latest",
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/warn": "restricted",
      },
    },
  };
}

/** The hard quota: requests and limits of cpu and memory, pods, and GPUs. */
export function buildTenantResourceQuota(spec: ProvisionTenantSpec, names: TenantObjectNames): V1ResourceQuota {
  const { quota } = spec;
  return {
    apiVersion: "v1",
    kind: "ResourceQuota",
    metadata: { name: names.resourceQuota, namespace: names.namespace, labels: tenantLabels(spec.slug) },
    spec: {
      hard: {
        "requests.cpu": quota.cpu,
        "limits.cpu": quota.cpu,
        "requests.memory": quota.memory,
        "limits.memory": quota.memory,
        pods: String(quota.pods),
        [`requests.${GPU_RESOURCE}`]: String(quota.gpus),
      },
    },
  };
}

/** Defaults for containers that set nothing, and the maximum one pod may use. */
export function buildTenantLimitRange(slug: string, limits: TenantLimits, names: TenantObjectNames): V1LimitRange {
  const max = { cpu: limits.maxPerPod.cpu, memory: limits.maxPerPod.memory };
  return {
    apiVersion: "v1",
    kind: "LimitRange",
    metadata: { name: names.limitRange, namespace: names.namespace, labels: tenantLabels(slug) },
    spec: {
      limits: [
        { type: "Container", _default: { ...limits.defaultLimit }, defaultRequest: { ...limits.defaultRequest }, max: { ...max } },
        { type: "Pod", max: { ...max } },
      ],
    },
  };
}

/** The identity task pods run as: no API permissions are bound to it, and no token is mounted. */
export function buildTaskServiceAccount(slug: string, names: TenantObjectNames): V1ServiceAccount {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: names.taskServiceAccount, namespace: names.namespace, labels: tenantLabels(slug) },
    automountServiceAccountToken: false,
  };
}

/**
 * Two policies selecting every pod of the namespace: no ingress at all; egress
 * only to the cluster DNS (kube-dns in kube-system, port 53) and to addresses
 * outside the cluster, never the cluster's own ranges (other tenants, the API
 * server's service IP) nor the cloud metadata address.
 */
export function buildTenantNetworkPolicies(spec: ProvisionTenantSpec, names: TenantObjectNames): V1NetworkPolicy[] {
  const labels = tenantLabels(spec.slug);
  const except = [...new Set([...spec.clusterCidrs, METADATA_ADDRESS])];
  return [
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: names.denyIngressPolicy, namespace: names.namespace, labels },
      spec: { podSelector: {}, policyTypes: ["Ingress"] },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: names.egressPolicy, namespace: names.namespace, labels },
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
          { to: [{ ipBlock: { cidr: "0.0.0.0/0", except } }] },
        ],
      },
    },
  ];
}

function secret(slug: string, name: string, namespace: string, values: Record<string, string>): V1Secret {
  const data = Object.fromEntries(
    Object.entries(values)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [key, Buffer.from(value, "utf8").toString("base64")]),
  );
  return { apiVersion: "v1", kind: "Secret", type: "Opaque", metadata: { name, namespace, labels: tenantLabels(slug) }, data };
}

/** The tenant's secrets and connection URIs, read by task pods through `secretKeyRef`. */
export function buildTenantSecrets(spec: ProvisionTenantSpec, names: TenantObjectNames): V1Secret[] {
  return [
    secret(spec.slug, names.secretsSecret, names.namespace, spec.secrets),
    secret(spec.slug, names.connectionsSecret, names.namespace, spec.connections),
  ];
}
