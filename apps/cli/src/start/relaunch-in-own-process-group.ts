import { spawn } from "node:child_process";
import { constants } from "node:os";
import { commandEnv } from "../config/env";

const MARKER = "UPDRAFT_START_OWN_PROCESS_GROUP";

/** True when this process is the relaunched copy (or relaunching was opted out of). */
export function runsInOwnProcessGroup(env: NodeJS.ProcessEnv = commandEnv()): boolean {
  return env[MARKER] === "1";
}

/**
 * Runs this same command again in a new process group and relays stop signals
 * to it; resolves with its exit code.
 *
 * Why: a terminal's Ctrl-C goes to every process in the foreground group.
 * Without this, the embedded Postgres (a plain child of the CLI) would get
 * that SIGINT too and shut down at once, while the scheduler still needs the
 * database to record the tasks it is stopping. In its own group, `updraft
 * start` decides the order: web and scheduler first, Postgres last.
 */
export function relaunchInOwnProcessGroup(): Promise<number> {
  const [script, ...args] = process.argv.slice(1);
  const child = spawn(process.execPath, [...process.execArgv, script ?? "", ...args], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: { ...commandEnv(), [MARKER]: "1" },
  });
  const relay = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, relay);
  return new Promise((resolve) => {
    child.once("error", (error) => {
      process.stderr.write(`updraft start: could not start itself in a new process group: ${error.message}\n`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      for (const s of signals) process.removeListener(s, relay);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
