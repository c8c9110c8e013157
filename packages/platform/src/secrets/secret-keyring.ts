import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { parseSecretKey, secretKeyId } from "./secret-key";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Thrown when a stored value cannot be decrypted; the message never contains key material or plaintext. */
export class SecretDecryptionError extends Error {
  override readonly name = "SecretDecryptionError";
}

/**
 * The current key (encrypts) and older keys (still decrypt). Ciphertexts are
 * `v1.<kid>.<iv>.<ciphertext>.<tag>` (base64url parts), AES-256-GCM with the
 * caller's AAD (`secretAad(...)`), so a value only decrypts in the row it was
 * written for.
 */
export interface SecretKeyring {
  /** Id of the key new values are encrypted with. */
  readonly currentKid: string;
  /** Ids of every key that can decrypt, current first. */
  readonly kids: readonly string[];
  encrypt(plaintext: string, aad: string): string;
  decrypt(text: string, aad: string): string;
  /** The key id a ciphertext was written with (throws SecretDecryptionError when it is not a v1 ciphertext). */
  kidOf(text: string): string;
}

type KeyInput = Buffer | string;

function toKey(input: KeyInput, source: string): Buffer {
  return typeof input === "string" ? parseSecretKey(input, source) : input;
}

interface Parsed {
  kid: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseCiphertext(text: string): Parsed {
  const parts = text.split(".");
  const [version, kid, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== VERSION || !kid || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new SecretDecryptionError(`not an encrypted value (expected ${VERSION}.<kid>.<iv>.<ciphertext>.<tag>)`);
  }
  const decoded = { kid, iv: Buffer.from(iv, "base64url"), ciphertext: Buffer.from(ciphertext, "base64url"), tag: Buffer.from(tag, "base64url") };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new SecretDecryptionError("the encrypted value is damaged (wrong IV or tag length)");
  }
  return decoded;
}

/** A keyring from the current key and any previous keys (Buffers or key text as in UPDRAFT_SECRET_KEY). */
export function createSecretKeyring(current: KeyInput, previous: readonly KeyInput[] = []): SecretKeyring {
  const currentKey = toKey(current, "UPDRAFT_SECRET_KEY");
  const keys = new Map<string, Buffer>([[secretKeyId(currentKey), currentKey]]);
  previous.forEach((input, index) => {
    const key = toKey(input, `UPDRAFT_PREVIOUS_SECRET_KEYS entry ${index + 1}`);
    const kid = secretKeyId(key);
    if (!keys.has(kid)) keys.set(kid, key);
  });
  const currentKid = secretKeyId(currentKey);

  return {
    currentKid,
    kids: [...keys.keys()],
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentKid, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
    },
    decrypt(text, aad) {
      const parsed = parseCiphertext(text);
      const key = keys.get(parsed.kid);
      if (!key) {
        throw new SecretDecryptionError(
          `the value was encrypted with key ${parsed.kid}, which is neither UPDRAFT_SECRET_KEY (${currentKid}) nor in UPDRAFT_PREVIOUS_SECRET_KEYS: ` +
            "add the key it was written with to UPDRAFT_PREVIOUS_SECRET_KEYS",
        );
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, parsed.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(parsed.tag);
        return Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretDecryptionError(
          `the value under key ${parsed.kid} failed its integrity check: it was altered, or copied from another row`,
        );
      }
    },
    kidOf(text) {
      return parseCiphertext(text).kid;
    },
  };
}
