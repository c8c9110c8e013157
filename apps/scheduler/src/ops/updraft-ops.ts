// `updraft-ops`: operations tasks in the scheduler image (node dist/updraft-ops.mjs <command>).
import { opsCommandEnv } from "../config/env";
import { processIo } from "./ops-io";
import { runOpsCommand } from "./run-ops-command";

// Exit explicitly: a Job must end even if a library left a timer or socket behind.
process.exit(await runOpsCommand(process.argv.slice(2), opsCommandEnv(), processIo));
