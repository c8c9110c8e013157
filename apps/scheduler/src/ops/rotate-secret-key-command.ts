import { createDb } from "@updraft/db";
import { readSecretKeyring, rotateSecretKey, SecretRotationError, type RotationProgress } from "@updraft/platform";
import type { OpsIo } from "./ops-io";

/**
 * `updraft-ops rotate-secret-key`: re-encrypts every stored secret and
 * connection password/extra under UPDRAFT_SECRET_KEY, reading the old values
 * with UPDRAFT_PREVIOUS_SECRET_KEYS. Safe to run again. Exit 0 done, 1 a
 * value could not be re-encrypted (or the database failed), 2 bad settings.
 */
export async function rotateSecretKeyCommand(env: NodeJS.ProcessEnv, io: OpsIo): Promise<number> {
  const url = env.DATABASE_URL?.trim();
  if (!url || !/^postgres(ql)?:\/\/.+/.test(url)) {
    io.err("updraft-ops rotate-secret-key: DATABASE_URL must be set to the Updraft Postgres (postgres://user:password@host:5432/updraft).\n");
    return 2;
  }
  let keyring;
  try {
    keyring = readSecretKeyring(env);
  } catch (error) {
    io.err(`updraft-ops rotate-secret-key: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const previous = keyring.kids.filter((kid) => kid !== keyring.currentKid);
  if (previous.length === 0) {
    io.out("No UPDRAFT_PREVIOUS_SECRET_KEYS given: only values already under the current key can be read.\n");
  }
  io.out(`Re-encrypting secrets under key ${keyring.currentKid}${previous.length ? ` (reading old values with ${previous.join(", ")})` : ""}\n`);
  const db = createDb(url, { max: 2 });
  try {
    const result = await rotateSecretKey(db, keyring, (progress) => io.out(formatProgress(progress)));
    io.out(
      `Done: ${result.secrets} secret(s) and ${result.connections} connection(s) re-encrypted; every value is now under key ${result.currentKid}. ` +
        "Once every web and scheduler pod runs with this UPDRAFT_SECRET_KEY, remove UPDRAFT_PREVIOUS_SECRET_KEYS.\n",
    );
    return 0;
  } catch (error) {
    if (error instanceof SecretRotationError) {
      io.err(`Rotation stopped: ${error.message}\nValues handled before it are under the new key already: keep both keys configured until a run succeeds.\n`);
    } else {
      io.err(`Rotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  } finally {
    await db.$disconnect();
  }
}

function formatProgress({ table, done, total }: RotationProgress): string {
  if (total === 0) return `  ${table}: nothing to re-encrypt\n`;
  return `  ${table}: ${done}/${total}\n`;
}
