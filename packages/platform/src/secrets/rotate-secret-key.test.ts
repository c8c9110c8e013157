import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createConnection } from "../connections/create-connection";
import { loadTenantSecretMaterial } from "../connections/load-tenant-secret-material";
import { setSecret } from "../connections/set-secret";
import { ensureJobQueue, newTenant } from "@updraft/engine/testing";
import { rotateSecretKey, type RotationProgress } from "./rotate-secret-key";
import { generateSecretKey } from "./secret-key";
import { createSecretKeyring } from "./secret-keyring";

const t = useTestDatabase();

beforeAll(async () => {
  await ensureJobQueue(t.url);
});

async function storedCiphertexts(): Promise<string[]> {
  const secrets = await t.db.secret.findMany({ select: { valueEncrypted: true } });
  const connections = await t.db.connection.findMany({ select: { passwordEncrypted: true, extraEncrypted: true } });
  return [
    ...secrets.map((s) => s.valueEncrypted),
    ...connections.flatMap((c) => [c.passwordEncrypted, c.extraEncrypted]).filter((v): v is string => v !== null),
  ];
}

describe("rotateSecretKey", () => {
  it("re-encrypts every value under the new key in batches, keeps dates, is idempotent, and names a row it cannot decrypt", async () => {
    const oldKey = generateSecretKey();
    const oldKeyring = createSecretKeyring(oldKey);
    const acme = await newTenant(t.db, "rot-acme");
    const globex = await newTenant(t.db, "rot-globex");
    for (let i = 0; i < 120; i++) await setSecret(t.db, oldKeyring, { tenantId: acme, name: `s_${i}`, value: `value-${i}` });
    await setSecret(t.db, oldKeyring, { tenantId: globex, name: "token", value: "globex-token" });
    await createConnection(t.db, oldKeyring, {
      tenantId: acme,
      canSetSecrets: true,
      connection: { connId: "db", connType: "postgres", host: "h", password: "pw-acme", extra: { sslmode: "require" } },
    });
    await createConnection(t.db, oldKeyring, { tenantId: globex, canSetSecrets: true, connection: { connId: "plain", connType: "http", host: "x" } });
    const materialBefore = await loadTenantSecretMaterial(t.db, oldKeyring, acme);
    const datesBefore = await t.db.secret.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } });

    const newKey = generateSecretKey();
    const newKeyring = createSecretKeyring(newKey, [oldKey]);
    const progress: RotationProgress[] = [];
    const result = await rotateSecretKey(t.db, newKeyring, (p) => progress.push(p));
    expect(result).toEqual({ secrets: 121, connections: 1, currentKid: newKeyring.currentKid });
    expect(progress).toEqual([
      { table: "secrets", done: 0, total: 121 },
      { table: "secrets", done: 100, total: 121 },
      { table: "secrets", done: 121, total: 121 },
      { table: "connections", done: 0, total: 1 },
      { table: "connections", done: 1, total: 1 },
    ]);
    for (const text of await storedCiphertexts()) expect(newKeyring.kidOf(text)).toBe(newKeyring.currentKid);
    // The new key alone reads everything; the old key alone no longer does.
    const newOnly = createSecretKeyring(newKey);
    expect(await loadTenantSecretMaterial(t.db, newOnly, acme)).toEqual(materialBefore);
    await expect(loadTenantSecretMaterial(t.db, oldKeyring, acme)).rejects.toThrow(/neither UPDRAFT_SECRET_KEY/);
    expect(await t.db.secret.findMany({ orderBy: { id: "asc" }, select: { id: true, updatedAt: true } })).toEqual(datesBefore);

    expect(await rotateSecretKey(t.db, newKeyring)).toEqual({ secrets: 0, connections: 0, currentKid: newKeyring.currentKid });

    // A value under a key nobody configured: the run stops and names the row.
    await setSecret(t.db, createSecretKeyring(generateSecretKey()), { tenantId: globex, name: "orphan", value: "lost" });
    await expect(rotateSecretKey(t.db, newKeyring)).rejects.toThrow(
      /Cannot decrypt secret "orphan" of tenant "rot-globex": the value was encrypted with key [0-9a-f]{8}.*UPDRAFT_PREVIOUS_SECRET_KEYS/,
    );
  });
});
