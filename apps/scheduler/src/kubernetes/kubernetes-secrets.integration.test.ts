import { createUser } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { triggerDagRun } from "@updraft/engine";
import { createConnection, createTenant, deleteSecret, loadTenantSecretMaterial, setSecret } from "@updraft/platform";
import { executorKey } from "@updraft/executor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEYRING } from "../testing/test-keyring";
import { uploadDag } from "../testing/upload-dag";
import { waitForRunToFinish } from "../testing/wait-for-run";
import { startKubeFixture, storedLog, waitFor, waitForProvisioned, type KubeFixture } from "./testing/kube-scheduler-fixture";

const t = useTestDatabase();
let fx: KubeFixture;
let tenantId: string;

const NAMESPACE = "updraft-initech";
const API_TOKEN = "tok_kube_4b3c2d1e";
const PASSWORD = "tps-report$2024";

beforeAll(async () => {
  fx = await startKubeFixture(t.url);
  await fx.startKubeScheduler();
  const owner = await createUser(t.db, { email: "owner@initech.test", name: "Owner" });
  ({ id: tenantId } = await createTenant(t.db, { slug: "initech", name: "Initech", ownerUserId: owner.id }));
  await waitForProvisioned(t.db, tenantId);
});
afterAll(async () => {
  await fx?.close();
});

/** A tenant Secret's data, decoded (undefined while it does not exist). */
function secretData(name: string): Record<string, string> | undefined {
  const secret = fx.api.state.get("secrets", NAMESPACE, name) as { data?: Record<string, string> } | undefined;
  if (!secret) return undefined;
  return Object.fromEntries(Object.entries(secret.data ?? {}).map(([key, value]) => [key, Buffer.from(value, "base64").toString("utf8")]));
}

async function run(source: string) {
  const dag = await uploadDag(t.db, tenantId, source);
  const { id } = await triggerDagRun(t.db, { tenantId, dagDbId: dag.dagDbId, triggeredById: null });
  const finished = await waitForRunToFinish(t.db, id);
  return { ...finished, ti: finished.taskInstances[0]! };
}

describe("connections and secrets on Kubernetes", () => {
  it("provisions the tenant's Secrets with the decrypted values, and provisions again on every change", async () => {
    await setSecret(t.db, TEST_KEYRING, { tenantId, name: "api_token", value: API_TOKEN });
    await createConnection(t.db, TEST_KEYRING, {
      tenantId,
      canSetSecrets: true,
      connection: { connId: "warehouse", connType: "postgres", host: "db.initech", port: 5432, login: "milton", password: PASSWORD, schema: "reports" },
    });
    const { connections } = await loadTenantSecretMaterial(t.db, TEST_KEYRING, tenantId);
    expect(connections.warehouse).toContain("db.initech");

    await waitFor("the secrets in the tenant's Secret", () => secretData("updraft-secrets")?.api_token === API_TOKEN);
    await waitFor("the connection URI in the tenant's Secret", () => secretData("updraft-connections")?.warehouse === connections.warehouse);
    // The cluster gets values, not ciphertext.
    expect(JSON.stringify(fx.api.state.get("secrets", NAMESPACE, "updraft-secrets"))).not.toContain("v1.");

    await setSecret(t.db, TEST_KEYRING, { tenantId, name: "api_token", value: "tok_rotated_5566" });
    await waitFor("the changed value", () => secretData("updraft-secrets")?.api_token === "tok_rotated_5566");

    await setSecret(t.db, TEST_KEYRING, { tenantId, name: "old_token", value: "to-be-deleted" });
    await waitFor("the new secret", () => secretData("updraft-secrets")?.old_token === "to-be-deleted");
    await deleteSecret(t.db, { tenantId, name: "old_token" });
    await waitFor("the deleted secret to be gone", () => secretData("updraft-secrets")?.old_token === undefined);
    expect(secretData("updraft-secrets")).toEqual({ api_token: "tok_rotated_5566" });
  });

  it("references the values from the pod (never puts them in its spec) and masks them in the stored log", async () => {
    await setSecret(t.db, TEST_KEYRING, { tenantId, name: "api_token", value: API_TOKEN });
    fx.api.state.scriptImage("initech/leaky:1", { logs: [`calling with ${API_TOKEN}`, `db password ${PASSWORD}`, "done"] });
    const finished = await run(`
dag_id: leaky
schedule: null
tasks:
  - task_id: leak
    image: initech/leaky:1
    connections: [warehouse]
    secrets: [api_token]
    command: [python, -m, leak]
`);
    expect(finished.state).toBe("SUCCESS");
    expect(await storedLog(t.db, finished.ti.id)).toBe("calling with ***\ndb password ***\ndone\n");

    const pod = fx.api.requests.find(
      (r) => r.verb === "create" && r.resource === "pods" && r.status === 201 && (r.body as { metadata?: { name?: string } }).metadata?.name === executorKey(finished.ti.id, 1),
    )?.body as { spec: { containers: { env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[] }[] } };
    const env = pod.spec.containers[0]!.env ?? [];
    const refs = Object.fromEntries(env.filter((e) => e.valueFrom?.secretKeyRef).map((e) => [e.name, e.valueFrom!.secretKeyRef!]));
    expect(refs).toMatchObject({
      API_TOKEN: { name: "updraft-secrets", key: "api_token" },
      UPDRAFT_CONN_WAREHOUSE: { name: "updraft-connections", key: "warehouse" },
      AIRFLOW_CONN_WAREHOUSE: { name: "updraft-connections", key: "warehouse" },
    });
    const spec = JSON.stringify(pod);
    expect(spec).not.toContain(API_TOKEN);
    expect(spec).not.toContain("tps-report");
  });

  it("fails the try of a task listing a connection that does not exist, without creating a pod", async () => {
    const podsBefore = fx.podsCreated().length;
    const finished = await run(`
dag_id: needs_missing
schedule: null
tasks:
  - task_id: load
    image: initech/leaky:1
    connections: [missing_dw]
    command: [python, -m, load]
`);
    expect(finished.state).toBe("FAILED");
    expect(finished.ti.message).toBe('connection "missing_dw" does not exist in tenant "initech": create it on the Connections page');
    expect(fx.podsCreated().length).toBe(podsBefore);
  });
});
