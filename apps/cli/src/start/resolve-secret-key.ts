import { join } from "node:path";
import { generateSecretKey, readSecretKeyring } from "@updraft/platform";
import { ensureGeneratedSecret } from "./ensure-generated-secret";

export type ResolvedSecretKey =
  | {
      ok: true;
      /** The key web and scheduler get as UPDRAFT_SECRET_KEY. */
      key: string;
      /** Set when the embedded default generated the key just now into this file. */
      generatedInto?: string;
    }
  | { ok: false; message: string };

const HOW_TO_GENERATE =
  "Generate one with `openssl rand -base64 32`, keep it somewhere safe (what Updraft encrypts with it cannot be read without it) " +
  "and set UPDRAFT_SECRET_KEY to it for `updraft start` (and for every web app and scheduler using this database).";

/**
 * The key that encrypts tenant secrets and connection passwords
 * (UPDRAFT_SECRET_KEY). From the environment when set; otherwise the
 * embedded default keeps one in `<dataDir>/secret-key` (generated on the
 * first start, mode 0600). With DATABASE_URL the key must be given: a
 * generated one would live on this machine only, and losing it loses every
 * stored secret.
 */
export function resolveSecretKey(
  env: NodeJS.ProcessEnv,
  options: { databaseUrl: string | null; dataDir: string },
): ResolvedSecretKey {
  const given = env.UPDRAFT_SECRET_KEY?.trim();
  if (given) {
    const problem = keyProblem({ ...env, UPDRAFT_SECRET_KEY: given });
    return problem ? { ok: false, message: `updraft start: ${problem}` } : { ok: true, key: given };
  }
  if (options.databaseUrl !== null) {
    return {
      ok: false,
      message:
        "updraft start: UPDRAFT_SECRET_KEY is not set. With DATABASE_URL, Updraft needs the key that encrypts tenant secrets " +
        `and connection passwords in that database.\n${HOW_TO_GENERATE}`,
    };
  }
  const file = join(options.dataDir, "secret-key");
  const { secret, created } = ensureGeneratedSecret(file, generateSecretKey);
  const problem = keyProblem({ ...env, UPDRAFT_SECRET_KEY: secret });
  if (problem) {
    return {
      ok: false,
      message: `updraft start: ${file} does not hold a valid secret key (${problem}).\nRestore the key it held, or set UPDRAFT_SECRET_KEY. ${HOW_TO_GENERATE}`,
    };
  }
  return created ? { ok: true, key: secret, generatedInto: file } : { ok: true, key: secret };
}

/** Why the keys in `env` are unusable (missing, malformed, a bad previous key), or null. */
function keyProblem(env: NodeJS.ProcessEnv): string | null {
  try {
    readSecretKeyring(env);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
