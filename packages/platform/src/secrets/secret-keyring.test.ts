import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readSecretKeyring } from "./read-secret-keyring";
import { secretAad } from "./secret-aad";
import { generateSecretKey, parseSecretKey, SecretKeyError, secretKeyId } from "./secret-key";
import { createSecretKeyring, SecretDecryptionError } from "./secret-keyring";
import { TEST_SECRET_KEY, testSecretKeyring } from "./test-secret-key";

const aad = secretAad("7c1a9f7e-0000-4000-8000-000000000001", "secret", "api_token");

describe("secret keys", () => {
  it("accepts 32 bytes as base64, base64url (with or without padding) and hex, ignoring a trailing newline", () => {
    const bytes = randomBytes(32);
    expect(parseSecretKey(bytes.toString("base64"))).toEqual(bytes);
    expect(parseSecretKey(bytes.toString("base64url"))).toEqual(bytes);
    expect(parseSecretKey(`${bytes.toString("base64url")}=`)).toEqual(bytes);
    expect(parseSecretKey(bytes.toString("hex"))).toEqual(bytes);
    expect(parseSecretKey(`${bytes.toString("base64")}\n`)).toEqual(bytes);
    expect(parseSecretKey(generateSecretKey())).toHaveLength(32);
    expect(secretKeyId(bytes)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("refuses malformed keys saying what a key looks like and how to make one, without echoing the key", () => {
    const short = randomBytes(16).toString("base64");
    for (const bad of [short, "not a key at all", "x".repeat(64), randomBytes(33).toString("base64")]) {
      let message = "";
      try {
        parseSecretKey(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(SecretKeyError);
        message = (error as Error).message;
      }
      expect(message).toContain("UPDRAFT_SECRET_KEY is not a valid secret key");
      expect(message).toContain("openssl rand -base64 32");
      expect(message).not.toContain(bad);
    }
  });

  it("readSecretKeyring explains a missing key and names a bad previous key", () => {
    expect(() => readSecretKeyring({})).toThrow(/UPDRAFT_SECRET_KEY is not set.*openssl rand -base64 32/);
    expect(() => readSecretKeyring({ UPDRAFT_SECRET_KEY: "  " })).toThrow(SecretKeyError);
    expect(() => readSecretKeyring({ UPDRAFT_SECRET_KEY: TEST_SECRET_KEY, UPDRAFT_PREVIOUS_SECRET_KEYS: `${generateSecretKey()},oops` })).toThrow(
      "UPDRAFT_PREVIOUS_SECRET_KEYS entry 2 is not a valid secret key",
    );
    const old = generateSecretKey();
    const keyring = readSecretKeyring({ UPDRAFT_SECRET_KEY: TEST_SECRET_KEY, UPDRAFT_PREVIOUS_SECRET_KEYS: ` ${old} , ` });
    expect(keyring.kids).toEqual([secretKeyId(parseSecretKey(TEST_SECRET_KEY)), secretKeyId(parseSecretKey(old))]);
  });
});

describe("AES-256-GCM keyring", () => {
  it("round-trips values (also empty and non-ASCII) as v1.<kid>.<iv>.<ciphertext>.<tag> that never contain the plaintext", () => {
    const keyring = testSecretKeyring();
    for (const plaintext of ["hunter2-is-my-password", "", "pässwörd 🔑 with spaces"]) {
      const text = keyring.encrypt(plaintext, aad);
      expect(text).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/);
      expect(text.split(".")[1]).toBe(keyring.currentKid);
      if (plaintext) expect(text).not.toContain(plaintext);
      expect(keyring.decrypt(text, aad)).toBe(plaintext);
    }
  });

  it("uses a fresh IV every time", () => {
    const keyring = testSecretKeyring();
    expect(keyring.encrypt("same", aad)).not.toBe(keyring.encrypt("same", aad));
  });

  it("refuses another row's AAD (a value moved to another tenant, name or column)", () => {
    const keyring = testSecretKeyring();
    const text = keyring.encrypt("s3cret-value", aad);
    for (const other of [
      secretAad("7c1a9f7e-0000-4000-8000-000000000002", "secret", "api_token"),
      secretAad("7c1a9f7e-0000-4000-8000-000000000001", "secret", "other_token"),
      secretAad("7c1a9f7e-0000-4000-8000-000000000001", "connection.password", "api_token"),
    ]) {
      expect(() => keyring.decrypt(text, other)).toThrow(/failed its integrity check/);
    }
  });

  it("detects tampering with the IV, ciphertext or tag", () => {
    const keyring = testSecretKeyring();
    const text = keyring.encrypt("s3cret-value", aad);
    const parts = text.split(".");
    for (const index of [2, 3, 4]) {
      const tampered = [...parts];
      const bytes = Buffer.from(tampered[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      tampered[index] = bytes.toString("base64url");
      expect(() => keyring.decrypt(tampered.join("."), aad)).toThrow(SecretDecryptionError);
    }
    expect(() => keyring.decrypt("plaintext-not-encrypted", aad)).toThrow("not an encrypted value");
    expect(() => keyring.decrypt(text.replace(/^v1\./, "v2."), aad)).toThrow("not an encrypted value");
  });

  it("refuses a value under an unknown kid, and a wrong key posing as the right kid", () => {
    const other = createSecretKeyring(generateSecretKey());
    const text = other.encrypt("s3cret-value", aad);
    const keyring = testSecretKeyring();
    expect(() => keyring.decrypt(text, aad)).toThrow(
      new RegExp(`encrypted with key ${other.currentKid}, which is neither UPDRAFT_SECRET_KEY \\(${keyring.currentKid}\\).*UPDRAFT_PREVIOUS_SECRET_KEYS`),
    );
    const relabelled = text.replace(`.${other.currentKid}.`, `.${keyring.currentKid}.`);
    expect(() => keyring.decrypt(relabelled, aad)).toThrow(/failed its integrity check/);
  });

  it("decrypts values of a previous key and encrypts new ones with the current key", () => {
    const oldKey = generateSecretKey();
    const before = createSecretKeyring(oldKey).encrypt("rotated-value", aad);
    const after = createSecretKeyring(generateSecretKey(), [oldKey]);
    expect(after.decrypt(before, aad)).toBe("rotated-value");
    const fresh = after.encrypt("rotated-value", aad);
    expect(after.kidOf(fresh)).toBe(after.currentKid);
    expect(after.kidOf(before)).not.toBe(after.currentKid);
    expect(() => createSecretKeyring(oldKey).decrypt(fresh, aad)).toThrow(SecretDecryptionError);
  });
});
