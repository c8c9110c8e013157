import type {
  CoreV1Api,
  NetworkingV1Api,
  V1LimitRange,
  V1LimitRangeItem,
  V1Namespace,
  V1NetworkPolicy,
  V1ResourceQuota,
  V1Secret,
  V1ServiceAccount,
} from "@kubernetes/client-node";
import { hasLabels, jsonEqual, quantityMapsEqual, toPlain } from "./compare-owned-fields";
import type { ManagedObject } from "./ensure-object";

type Labeled = { metadata?: { labels?: Record<string, string>; name?: string; namespace?: string } };

function withLabels<T extends Labeled>(existing: T, desired: T): T {
  const plain = toPlain(existing);
  plain.metadata = { ...plain.metadata, labels: { ...plain.metadata?.labels, ...desired.metadata?.labels } };
  return plain;
}

const nameOf = (o: Labeled) => o.metadata!.name!;
const namespaceOf = (o: Labeled) => o.metadata!.namespace!;

export function managedNamespace(core: CoreV1Api, desired: V1Namespace): ManagedObject<V1Namespace> {
  const name = nameOf(desired);
  return {
    describe: `Namespace ${name}`,
    desired,
    read: () => core.readNamespace({ name }),
    create: (body) => core.createNamespace({ body }),
    replace: (body) => core.replaceNamespace({ name, body }),
    upToDate: (existing) => hasLabels(existing.metadata?.labels, desired.metadata?.labels),
    merge: (existing) => withLabels(existing, desired),
  };
}

export function managedResourceQuota(core: CoreV1Api, desired: V1ResourceQuota): ManagedObject<V1ResourceQuota> {
  const name = nameOf(desired);
  const namespace = namespaceOf(desired);
  return {
    describe: `ResourceQuota ${namespace}/${name}`,
    desired,
    read: () => core.readNamespacedResourceQuota({ name, namespace }),
    create: (body) => core.createNamespacedResourceQuota({ namespace, body }),
    replace: (body) => core.replaceNamespacedResourceQuota({ name, namespace, body }),
    upToDate: (existing) =>
      hasLabels(existing.metadata?.labels, desired.metadata?.labels) &&
      quantityMapsEqual(existing.spec?.hard, desired.spec?.hard) &&
      (existing.spec?.scopes ?? []).length === 0 &&
      existing.spec?.scopeSelector === undefined,
    merge: (existing) => ({ ...withLabels(existing, desired), spec: toPlain(desired.spec) }),
  };
}

const LIMIT_FIELDS = ["max", "min", "_default", "defaultRequest", "maxLimitRequestRatio"] as const;

function limitItemsEqual(a: V1LimitRangeItem[] = [], b: V1LimitRangeItem[] = []): boolean {
  return a.length === b.length && a.every((item, i) => item.type === b[i]!.type && LIMIT_FIELDS.every((f) => quantityMapsEqual(item[f], b[i]![f])));
}

export function managedLimitRange(core: CoreV1Api, desired: V1LimitRange): ManagedObject<V1LimitRange> {
  const name = nameOf(desired);
  const namespace = namespaceOf(desired);
  return {
    describe: `LimitRange ${namespace}/${name}`,
    desired,
    read: () => core.readNamespacedLimitRange({ name, namespace }),
    create: (body) => core.createNamespacedLimitRange({ namespace, body }),
    replace: (body) => core.replaceNamespacedLimitRange({ name, namespace, body }),
    upToDate: (existing) =>
      hasLabels(existing.metadata?.labels, desired.metadata?.labels) && limitItemsEqual(existing.spec?.limits, desired.spec?.limits),
    merge: (existing) => ({ ...withLabels(existing, desired), spec: toPlain(desired.spec) }),
  };
}

export function managedServiceAccount(core: CoreV1Api, desired: V1ServiceAccount): ManagedObject<V1ServiceAccount> {
  const name = nameOf(desired);
  const namespace = namespaceOf(desired);
  return {
    describe: `ServiceAccount ${namespace}/${name}`,
    desired,
    read: () => core.readNamespacedServiceAccount({ name, namespace }),
    create: (body) => core.createNamespacedServiceAccount({ namespace, body }),
    replace: (body) => core.replaceNamespacedServiceAccount({ name, namespace, body }),
    upToDate: (existing) =>
      hasLabels(existing.metadata?.labels, desired.metadata?.labels) &&
      existing.automountServiceAccountToken === desired.automountServiceAccountToken,
    merge: (existing) => ({ ...withLabels(existing, desired), automountServiceAccountToken: desired.automountServiceAccountToken }),
  };
}

export function managedNetworkPolicy(networking: NetworkingV1Api, desired: V1NetworkPolicy): ManagedObject<V1NetworkPolicy> {
  const name = nameOf(desired);
  const namespace = namespaceOf(desired);
  return {
    describe: `NetworkPolicy ${namespace}/${name}`,
    desired,
    read: () => networking.readNamespacedNetworkPolicy({ name, namespace }),
    create: (body) => networking.createNamespacedNetworkPolicy({ namespace, body }),
    replace: (body) => networking.replaceNamespacedNetworkPolicy({ name, namespace, body }),
    upToDate: (existing) => hasLabels(existing.metadata?.labels, desired.metadata?.labels) && jsonEqual(existing.spec, desired.spec),
    merge: (existing) => ({ ...withLabels(existing, desired), spec: toPlain(desired.spec) }),
  };
}

export function managedSecret(core: CoreV1Api, desired: V1Secret): ManagedObject<V1Secret> {
  const name = nameOf(desired);
  const namespace = namespaceOf(desired);
  return {
    describe: `Secret ${namespace}/${name}`,
    desired,
    read: () => core.readNamespacedSecret({ name, namespace }),
    create: (body) => core.createNamespacedSecret({ namespace, body }),
    replace: (body) => core.replaceNamespacedSecret({ name, namespace, body }),
    upToDate: (existing) => hasLabels(existing.metadata?.labels, desired.metadata?.labels) && jsonEqual(existing.data ?? {}, desired.data ?? {}),
    merge: (existing) => ({ ...withLabels(existing, desired), data: { ...desired.data } }),
  };
}
