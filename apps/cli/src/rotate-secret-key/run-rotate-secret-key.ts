import { writeFileSync, chmodSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@updraft/db";
import { rotateSecretKey, SecretRotationError, type RotationProgress } from "@updraft/platform";
import { describeLocation } from "../start/describe-location";
import { findRepoRoot } from "../start/find-repo-root";
import { readRotationSettings } from "./read-rotation-settings";
import { ROTATION_USAGE } from "./rotation-usage";

/** What `updraft rotate-secret-key` touches outside itself, so tests can point it elsewhere. */
export interface RotateDeps {
  out(text: string): void;
  err(text: string): void;
  repoRoot: string;
  /** Where a relative UPDRAFT_DATA_DIR is resolved. */
  cwd: string;
  /** Starts the embedded default's Postgres (data in `<dataDir>/pg`). */
  startEmbeddedPostgres(options: { dataDir: string }): Promise<{ url: string; stop(): Promise<void> }>;
}

function defaultDeps(env: NodeJS.ProcessEnv): RotateDeps {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    repoRoot: findRepoRoot(dirname(fileURLToPath(import.meta.url))),
    // npm runs workspace scripts inside the workspace folder; INIT_CWD is where the user typed the command.
    cwd: env.INIT_CWD ?? process.cwd(),
    async startEmbeddedPostgres(options) {
      const { startEmbeddedPostgres } = await import("@updraft/db/embedded");
      return startEmbeddedPostgres(options);
    },
  };
}

/**
 * `updraft rotate-secret-key`: re-encrypts every stored secret and
 * connection password/extra under the new key (README, design decision D6), printing
 * progress and a summary. Returns the exit code: 0 done, 1 a value could not
 * be re-encrypted or the database failed, 2 bad usage or settings.
 */
export async function runRotateSecretKey(args: string[], env: NodeJS.ProcessEnv, overrides: Partial<RotateDeps> = {}): Promise<number> {
  const deps = { ...defaultDeps(env), ...overrides };
  const { out, err } = deps;
  const settings = readRotationSettings(args, env, { repoRoot: deps.repoRoot, cwd: deps.cwd });
  if (settings.kind === "help") {
    out(ROTATION_USAGE);
    return 0;
  }
  if (settings.kind === "invalid") {
    err(`${settings.message}\n\n${ROTATION_USAGE}`);
    return 2;
  }
  const { keyring, database, keyFile } = settings;
  const previous = keyring.kids.filter((kid) => kid !== keyring.currentKid);
  out(`Re-encrypting secrets under key ${keyring.currentKid}${previous.length ? ` (reading old values with ${previous.join(", ")})` : ""}\n`);

  let stopPostgres: (() => Promise<void>) | undefined;
  let db: ReturnType<typeof createDb> | undefined;
  try {
    let url: string;
    if ("url" in database) {
      url = database.url;
    } else {
      const where = describeLocation(database.embeddedDataDir, deps.repoRoot);
      try {
        const postgres = await deps.startEmbeddedPostgres({ dataDir: database.embeddedDataDir });
        stopPostgres = () => postgres.stop();
        url = postgres.url;
      } catch (error) {
        err(
          `Could not start the embedded Postgres in ${where}: ${error instanceof Error ? error.message : String(error)}\n` +
            "If `updraft start` is running, stop it first (the rotation needs the database to itself).\n",
        );
        return 1;
      }
      out(`Postgres: embedded in ${where}\n`);
    }
    db = createDb(url, { max: 2 });
    const result = await rotateSecretKey(db, keyring, (progress) => out(formatProgress(progress)));
    out(`Done: ${result.secrets} secret(s) and ${result.connections} connection(s) re-encrypted; every value is now under key ${result.currentKid}.\n`);
    if (keyFile) {
      writeFileSync(keyFile, `${env.UPDRAFT_SECRET_KEY!.trim()}\n`, { mode: 0o600 });
      chmodSync(keyFile, 0o600);
      out(`${describeLocation(keyFile, deps.repoRoot)} now holds the new key: \`updraft start\` uses it from now on.\n`);
    } else {
      out(
        "Run the web app and the scheduler with the new UPDRAFT_SECRET_KEY. If they kept running with the old key meanwhile, " +
          "give them the old key in UPDRAFT_PREVIOUS_SECRET_KEYS and run this again after the restart; then the old key is no longer needed.\n",
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SecretRotationError) {
      err(`\nRotation stopped: ${error.message}\nValues handled before it are under the new key already: keep both keys configured until a run succeeds.\n`);
    } else {
      err(`\nRotation failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  } finally {
    await db?.$disconnect();
    await stopPostgres?.().catch((error: unknown) => err(`Could not stop the embedded Postgres cleanly: ${error instanceof Error ? error.message : String(error)}\n`));
  }
}

function formatProgress({ table, done, total }: RotationProgress): string {
  if (total === 0) return `  ${table}: nothing to re-encrypt\n`;
  return `  ${table}: ${done}/${total}\n`;
}
