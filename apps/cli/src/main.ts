import { commandEnv } from "./config/env";
import { relaunchInOwnProcessGroup, runsInOwnProcessGroup } from "./start/relaunch-in-own-process-group";

const USAGE = `Usage: updraft <command>

Commands:
  start              Run Updraft: Postgres (embedded unless DATABASE_URL is set), migrations,
                     the web app and the scheduler. Ctrl-C stops everything.
  deploy <dir> --tenant <slug> [--url <url>] [--token <token>]
                     Upload every *.yaml/*.yml/*.json DAG file in <dir> to a tenant, all or
                     nothing (for CI). Uses UPDRAFT_URL and UPDRAFT_TOKEN. \`updraft deploy --help\`
  rotate-secret-key  Re-encrypt stored secrets and connection passwords under a new
                     UPDRAFT_SECRET_KEY. \`updraft rotate-secret-key --help\`

Environment for \`updraft start\`:
  DATABASE_URL            Postgres to use (default: embedded in UPDRAFT_DATA_DIR/pg)
  PORT                    web port (default 3000)
  UPDRAFT_DATA_DIR        where the embedded default keeps its data (default <repo>/.updraft)
  UPDRAFT_ADMIN_EMAIL     e-mail of the first admin (default from the demo seed)
  UPDRAFT_ADMIN_PASSWORD  password of the first admin (default: generated and shown once)
  UPDRAFT_EXECUTOR        local | kubernetes | noop (default local)
  NEXTAUTH_SECRET         session secret (default: generated into UPDRAFT_DATA_DIR)
  UPDRAFT_SECRET_KEY      encrypts connections and secrets (32 bytes, base64; default: generated into
                          UPDRAFT_DATA_DIR/secret-key with the embedded Postgres; required with DATABASE_URL)
  UPDRAFT_PREVIOUS_SECRET_KEYS  older keys still accepted (comma-separated), see rotate-secret-key
  NEXTAUTH_URL            public URL of the web app (default http://localhost:PORT)
`;

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case "start":
    if (rest.length > 0) {
      process.stderr.write(`updraft start takes no arguments (got: ${rest.join(" ")}); configure it with environment variables.\n\n${USAGE}`);
      process.exit(2);
    }
    if (!runsInOwnProcessGroup()) process.exit(await relaunchInOwnProcessGroup());
    // Loaded only here: the relaunching parent needs none of it.
    process.exit(await (await import("./start/run-start-from-process")).runStartFromProcess());
    break;
  case "deploy":
    process.exit(await (await import("./deploy/index")).runDeploy(rest, commandEnv()));
    break;
  case "rotate-secret-key":
    process.exit(await (await import("./rotate-secret-key/index")).runRotateSecretKey(rest, commandEnv()));
    break;
  case undefined:
  case "help":
  case "--help":
  case "-h":
    process.stdout.write(USAGE);
    break;
  default:
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    process.exit(2);
}
