import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { UserError } from "@updraft/engine";
import { ensureJobQueue, newTenant, pendingJobs } from "@updraft/engine/testing";
import { testSecretKeyring } from "../secrets/test-secret-key";
import { deleteSecret } from "./delete-secret";
import { listSecrets } from "./list-secrets";
import { setSecret } from "./set-secret";

const t = useTestDatabase();
const keyring = testSecretKeyring();
const VALUE = "xoxb-1234-slack-token-value";

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

describe("secrets", () => {
  it("stores values encrypted, lists names and dates only, and replaces values", async () => {
    const tenantId = await newTenant(t.db, "sec-crud");
    const view = await setSecret(t.db, keyring, { tenantId, name: "slack_token", value: VALUE, description: "Alerts bot" });
    expect(view).toEqual({
      name: "slack_token",
      description: "Alerts bot",
      envName: "SLACK_TOKEN",
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    await setSecret(t.db, keyring, { tenantId, name: "api_key", value: "another-value" });
    const listed = await listSecrets(t.db, { tenantId });
    expect(listed.map((s) => s.name)).toEqual(["api_key", "slack_token"]);
    expect(JSON.stringify(listed)).not.toContain(VALUE);
    for (const secret of listed) expect(Object.keys(secret).sort()).toEqual(["createdAt", "description", "envName", "name", "updatedAt"]);

    const raw = await t.db.$queryRaw<{ value_encrypted: string }[]>`SELECT value_encrypted FROM secrets WHERE tenant_id = ${tenantId}::uuid`;
    expect(raw).toHaveLength(2);
    for (const row of raw) {
      expect(row.value_encrypted).not.toContain(VALUE);
      expect(row.value_encrypted).toMatch(/^v1\./);
    }

    const before = await t.db.secret.findFirstOrThrow({ where: { tenantId, name: "slack_token" } });
    await setSecret(t.db, keyring, { tenantId, name: "slack_token", value: "rotated-token-value" });
    const after = await t.db.secret.findFirstOrThrow({ where: { tenantId, name: "slack_token" } });
    expect(after.description).toBe("Alerts bot");
    expect(keyring.decrypt(after.valueEncrypted, `${tenantId}:secret:slack_token`)).toBe("rotated-token-value");
    expect(after.valueEncrypted).not.toBe(before.valueEncrypted);

    await deleteSecret(t.db, { tenantId, name: "api_key" });
    expect((await listSecrets(t.db, { tenantId })).map((s) => s.name)).toEqual(["slack_token"]);
    expect((await pendingJobs(t.db, "provision_tenant")).filter((j) => j.payload.tenantId === tenantId)).toHaveLength(1);
  });

  it("rejects bad names and empty values, and missing secrets, with clear messages", async () => {
    const tenantId = await newTenant(t.db, "sec-rules");
    await expect(setSecret(t.db, keyring, { tenantId, name: "API-KEY", value: "v" })).rejects.toThrow(
      "Secret names are 1-200 characters of a-z, 0-9 and _",
    );
    await expect(setSecret(t.db, keyring, { tenantId, name: "api_key", value: "" })).rejects.toThrow("The secret's value cannot be empty.");
    await expect(deleteSecret(t.db, { tenantId, name: "nope" })).rejects.toThrow(UserError);
    await expect(deleteSecret(t.db, { tenantId, name: "nope" })).rejects.toThrow('There is no secret "nope" in this tenant.');
    const other = await newTenant(t.db, "sec-rules-other");
    await setSecret(t.db, keyring, { tenantId: other, name: "shared", value: "other-tenant" });
    await expect(deleteSecret(t.db, { tenantId, name: "shared" })).rejects.toThrow('There is no secret "shared"');
    expect(await listSecrets(t.db, { tenantId })).toEqual([]);
  });
});
