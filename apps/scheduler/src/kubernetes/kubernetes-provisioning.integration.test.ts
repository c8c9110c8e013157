import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { createTenant, deleteTenant, updateTenantQuota } from "@updraft/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLUSTER_CIDRS, startKubeFixture, waitFor, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;

beforeAll(async () => {
  fx = await startKubeFixture(t.url);
  // Every pass of the drift repair provisions every tenant.
  await fx.startKubeScheduler({ kubernetes: { provisionIntervalMs: 1000 } });
});
afterAll(async () => {
  await fx?.close();
});

const NAMESPACE = "updraft-globex";
const hardOf = () => (fx.api.state.get("resourcequotas", NAMESPACE, "updraft-quota")?.spec as { hard?: Record<string, string> } | undefined)?.hard;

describe("provisioning tenants on Kubernetes", () => {
  it("follows a tenant's life: created, quota changed, drift repaired, deleted", async () => {
    const owner = await createUser(t.db, { email: "owner@globex.test", name: "Owner" });
    const { id: tenantId } = await createTenant(t.db, {
      slug: "globex",
      name: "Globex",
      ownerUserId: owner.id,
      quota: { cpu: "4", memory: "8Gi", gpus: 0, pods: 10 },
    });

    const provisioned = await waitFor("provisioned_at", async () =>
      (await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).provisionedAt ?? undefined,
    );
    const hard = hardOf();
    expect(hard).toMatchObject({ "requests.cpu": "4", "limits.cpu": "4", "requests.memory": "8Gi", "limits.memory": "8Gi", pods: "10" });
    const namespace = fx.api.state.get("namespaces", undefined, NAMESPACE);
    expect(namespace?.metadata.labels).toMatchObject({ "updraft.dev/tenant": "globex", "pod-security.kubernetes.io/enforce": "restricted" });
    const egress = fx.api.state.get("networkpolicies", NAMESPACE, "updraft-egress");
    // Task pods may not reach the cluster's own ranges (UPDRAFT_CLUSTER_CIDRS) nor the metadata address.
    const rules = (egress?.spec as { egress: { to: { ipBlock?: { except?: string[] } }[] }[] }).egress;
    const closed = rules.flatMap((rule) => rule.to).flatMap((peer) => peer.ipBlock?.except ?? []);
    expect(closed.sort()).toEqual([...CLUSTER_CIDRS, "169.254.169.254/32"].sort());

    const changedAt = new Date();
    await updateTenantQuota(t.db, { tenantId, quota: { cpu: "6", memory: "12Gi", gpus: 1, pods: 20, maxConcurrentTasks: 50 } });
    await waitFor("the ResourceQuota to follow the new quota", () => hardOf()?.["requests.cpu"] === "6");
    expect(hardOf()).toMatchObject({ "requests.cpu": "6", "requests.memory": "12Gi", pods: "20", "requests.nvidia.com/gpu": "1" });
    const after = await waitFor("provisioned_at to move on", async () => {
      const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
      return tenant.provisionedAt && tenant.provisionedAt >= changedAt ? tenant : undefined;
    });
    expect(after.provisionedAt!.getTime()).toBeGreaterThan(provisioned.getTime());
    expect(after.provisionError).toBeNull();

    // Someone deletes the egress policy by hand: the next pass restores it.
    fx.api.state.remove("networkpolicies", NAMESPACE, "updraft-egress");
    expect(fx.api.state.get("networkpolicies", NAMESPACE, "updraft-egress")).toBeUndefined();
    await waitFor("the egress policy to be restored", () => fx.api.state.get("networkpolicies", NAMESPACE, "updraft-egress"));

    const { slug } = await deleteTenant(t.db, { tenantId });
    expect(slug).toBe("globex");
    await waitFor("the namespace to be deleted", () => fx.api.state.get("namespaces", undefined, NAMESPACE) === undefined);
    expect(fx.api.requests.some((r) => r.verb === "delete" && r.resource === "namespaces" && r.name === NAMESPACE)).toBe(true);
  });
});
