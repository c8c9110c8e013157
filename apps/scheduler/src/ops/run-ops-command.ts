import pino from "pino";
import { migrateCommand } from "./migrate-command";
import type { OpsIo } from "./ops-io";
import { OPS_USAGE } from "./ops-usage";
import { rotateSecretKeyCommand } from "./rotate-secret-key-command";
import { schedulerIdForName } from "./scheduler-id-for-name";
import { waitForMigrationsCommand } from "./wait-for-migrations-command";

/** Runs `updraft-ops <command>` and returns its exit code (0 done, 1 failed, 2 bad usage or settings). */
export async function runOpsCommand(args: readonly string[], env: NodeJS.ProcessEnv, io: OpsIo): Promise<number> {
  const [command, ...rest] = args;
  const level = env.LOG_LEVEL?.trim() || "info";
  const logger = pino({ name: "updraft-ops", level: pino.levels.values[level] !== undefined ? level : "info" });
  switch (command) {
    case "migrate":
      return rest.length === 0 ? migrateCommand(env, io, logger) : tooManyArgs(command, rest, io);
    case "wait-for-migrations":
      return rest.length === 0 ? waitForMigrationsCommand(env, io, logger) : tooManyArgs(command, rest, io);
    case "rotate-secret-key":
      return rest.length === 0 ? rotateSecretKeyCommand(env, io) : tooManyArgs(command, rest, io);
    case "scheduler-id": {
      const name = rest[0]?.trim();
      if (!name || rest.length > 1) {
        io.err(`updraft-ops scheduler-id takes one replica name, e.g. "updraft/updraft-scheduler-0".\n\n${OPS_USAGE}`);
        return 2;
      }
      io.out(`${schedulerIdForName(name)}\n`);
      return 0;
    }
    case "help":
    case "--help":
    case "-h":
      io.out(OPS_USAGE);
      return 0;
    default:
      io.err(`${command === undefined ? "updraft-ops needs a command." : `updraft-ops: unknown command "${command}".`}\n\n${OPS_USAGE}`);
      return 2;
  }
}

function tooManyArgs(command: string, rest: readonly string[], io: OpsIo): number {
  io.err(`updraft-ops ${command} takes no arguments (got: ${rest.join(" ")}); it reads its settings from the environment.\n\n${OPS_USAGE}`);
  return 2;
}
