import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureJobQueue, newTenant } from "@updraft/engine/testing";
import { testSecretKeyring } from "../secrets/test-secret-key";
import { createConnection } from "./create-connection";
import { loadTenantMaskValues } from "./load-tenant-mask-values";
import { loadTenantSecretMaterial } from "./load-tenant-secret-material";
import { createLogMasker } from "./log-masker";
import { setSecret } from "./set-secret";
import { resolveTaskSecretEnv, tenantSecretEnv } from "./task-secret-env";

const t = useTestDatabase();
const keyring = testSecretKeyring();
let tenantId: string;

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "material");
  await createConnection(t.db, keyring, {
    tenantId,
    canSetSecrets: true,
    connection: { connId: "warehouse", connType: "postgres", host: "db", port: 5432, login: "etl", password: "p@ss word", schema: "dw" },
  });
  await createConnection(t.db, keyring, { tenantId, canSetSecrets: true, connection: { connId: "public_api", connType: "http", host: "api.example.com" } });
  await setSecret(t.db, keyring, { tenantId, name: "api_token", value: "tok-123456" });
  await setSecret(t.db, keyring, { tenantId, name: "pin", value: "123" });
  const other = await newTenant(t.db, "material-other");
  await setSecret(t.db, keyring, { tenantId: other, name: "api_token", value: "other-tenant-token" });
});

describe("injection and masking material", () => {
  it("decrypts the tenant's secrets and full connection URIs", async () => {
    expect(await loadTenantSecretMaterial(t.db, keyring, tenantId)).toEqual({
      secrets: { api_token: "tok-123456", pin: "123" },
      connections: { warehouse: "postgres://etl:p%40ss%20word@db:5432/dw", public_api: "http://api.example.com" },
    });
    expect(await loadTenantSecretMaterial(t.db, keyring, tenantId, { connections: ["warehouse"], secrets: [] })).toEqual({
      secrets: {},
      connections: { warehouse: "postgres://etl:p%40ss%20word@db:5432/dw" },
    });
  });

  it("builds the env of a task and explains a missing connection or secret", async () => {
    const material = await loadTenantSecretMaterial(t.db, keyring, tenantId);
    expect(resolveTaskSecretEnv(material, { tenantSlug: "material", connections: ["warehouse"], secrets: ["api_token"] })).toEqual({
      ok: true,
      env: {
        UPDRAFT_CONN_WAREHOUSE: "postgres://etl:p%40ss%20word@db:5432/dw",
        AIRFLOW_CONN_WAREHOUSE: "postgres://etl:p%40ss%20word@db:5432/dw",
        API_TOKEN: "tok-123456",
      },
    });
    expect(resolveTaskSecretEnv(material, { tenantSlug: "material", connections: ["constructor"], secrets: [] })).toEqual({
      ok: false,
      message: 'connection "constructor" does not exist in tenant "material": create it on the Connections page',
    });
    expect(resolveTaskSecretEnv(material, { tenantSlug: "material", connections: [], secrets: ["missing"] })).toEqual({
      ok: false,
      message: 'secret "missing" does not exist in tenant "material": create it on the Secrets page',
    });
    expect(Object.keys(tenantSecretEnv(material)).sort()).toEqual([
      "AIRFLOW_CONN_PUBLIC_API",
      "AIRFLOW_CONN_WAREHOUSE",
      "API_TOKEN",
      "PIN",
      "UPDRAFT_CONN_PUBLIC_API",
      "UPDRAFT_CONN_WAREHOUSE",
    ]);
  });

  it("masks the tenant's values, the encoded password and the whole URI in logs, but not short values", async () => {
    const values = await loadTenantMaskValues(t.db, keyring, tenantId);
    expect(values).toEqual(expect.arrayContaining(["tok-123456", "p@ss word", "p%40ss%20word", "p%40ss+word", "postgres://etl:p%40ss%20word@db:5432/dw"]));
    expect(values).not.toContain("123");
    expect(values).not.toContain("other-tenant-token");
    const masker = createLogMasker(values);
    const out =
      masker.push("token=tok-12") +
      masker.push("3456 pw=p@ss word enc=p%40ss%20wo") +
      masker.push("rd uri=postgres://etl:p%40ss%20word@db:5432/dw pin=123\n") +
      masker.end();
    expect(out).toBe("token=*** pw=*** enc=*** uri=*** pin=123\n");
  });
});
