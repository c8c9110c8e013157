import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { readSecretKeyring, type SecretKeyring } from "@updraft/platform";

export type RotationSettings =
  | { kind: "help" }
  | { kind: "invalid"; message: string }
  | {
      kind: "rotate";
      keyring: SecretKeyring;
      /** The database: a URL, or the embedded Postgres in this data directory. */
      database: { url: string } | { embeddedDataDir: string };
      /** Embedded default: the key file `updraft start` reads; it gets the new key once every value is under it. */
      keyFile?: string;
    };

const GENERATE = "Make a new key with `openssl rand -base64 32`.";

/**
 * What `updraft rotate-secret-key` works on: the database (DATABASE_URL, or
 * the embedded default's Postgres like `updraft start`) and the keyring
 * (new key in UPDRAFT_SECRET_KEY, old ones in UPDRAFT_PREVIOUS_SECRET_KEYS;
 * with the embedded default, the key in `<dataDir>/secret-key` counts as an
 * old one).
 */
export function readRotationSettings(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  paths: { repoRoot: string; cwd: string },
): RotationSettings {
  if (args.some((arg) => arg === "--help" || arg === "-h")) return { kind: "help" };
  if (args.length > 0) {
    return { kind: "invalid", message: `updraft rotate-secret-key takes no arguments (got: ${args.join(" ")}); it reads the keys from the environment.` };
  }
  if (!env.UPDRAFT_SECRET_KEY?.trim()) {
    return {
      kind: "invalid",
      message:
        "updraft rotate-secret-key: set UPDRAFT_SECRET_KEY to the new key and UPDRAFT_PREVIOUS_SECRET_KEYS to the key(s) in use until now. " +
        GENERATE,
    };
  }

  const databaseUrl = env.DATABASE_URL?.trim();
  let database: { url: string } | { embeddedDataDir: string };
  let keyFile: string | undefined;
  let previous = env.UPDRAFT_PREVIOUS_SECRET_KEYS ?? "";
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
      return { kind: "invalid", message: "updraft rotate-secret-key: DATABASE_URL must be a Postgres URL like postgres://user:password@host:5432/updraft." };
    }
    database = { url: databaseUrl };
  } else {
    const dir = env.UPDRAFT_DATA_DIR?.trim() || join(paths.repoRoot, ".updraft");
    const dataDir = isAbsolute(dir) ? dir : resolve(paths.cwd, dir);
    if (!existsSync(join(dataDir, "pg", "PG_VERSION"))) {
      return {
        kind: "invalid",
        message: `updraft rotate-secret-key: DATABASE_URL is not set and there is no embedded Postgres in ${dataDir}: set DATABASE_URL to the database whose secrets to re-encrypt.`,
      };
    }
    database = { embeddedDataDir: dataDir };
    keyFile = join(dataDir, "secret-key");
    const fileKey = readKeyFile(keyFile);
    if (fileKey) previous = [previous, fileKey].filter((k) => k.trim() !== "").join(",");
  }

  try {
    const keyring = readSecretKeyring({ UPDRAFT_SECRET_KEY: env.UPDRAFT_SECRET_KEY, UPDRAFT_PREVIOUS_SECRET_KEYS: previous });
    return { kind: "rotate", keyring, database, ...(keyFile ? { keyFile } : {}) };
  } catch (error) {
    return { kind: "invalid", message: `updraft rotate-secret-key: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function readKeyFile(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
