import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { waitUntil } from "@updraft/config/wait-until";

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process ends; rejects after timeoutMs. */
  exited(timeoutMs: number): Promise<number | string>;
  /** Resolves with the first match of `pattern` in the output, however long that takes; rejects if the process ends first. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): void;
}

/** Starts a process with exactly `env` (nothing inherited), collecting stdout and stderr together. */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): RunningProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const describe = () => `${command} ${args.join(" ")}`;
  return {
    child,
    output: () => output,
    async exited(timeoutMs) {
      const timer = sleep(timeoutMs).then(() => {
        throw new Error(`${describe()} still running after ${timeoutMs} ms:\n${output}`);
      });
      return Promise.race([exit, timer]);
    },
    waitForOutput(pattern) {
      return waitUntil(
        () => {
          const match = output.match(pattern);
          if (match) return match;
          if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${describe()} ended (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`);
          return undefined;
        },
        () => `${describe()} to print ${pattern}; output so far:\n${output}`,
        { pollMs: 100 },
      );
    },
    kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** Runs a process to its end (exactly `env`), returning its exit code and output. */
export async function runToExit(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }) {
  const running = startProcess(command, args, options);
  const code = await running.exited(options.timeoutMs ?? 120_000);
  return { code, output: running.output() };
}

/**
 * Polls `url` until it answers `status`, however long a busy machine takes (the test's timeout guards against
 * a hang; every 30 s it says on stderr what it got last), and returns that response's status and body.
 */
export async function pollHttp(url: string, status: number): Promise<{ status: number; body: string }> {
  let last: { status: number; body: string } | string = "no answer yet";
  return waitUntil(
    async () => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        const answer = { status: response.status, body: await response.text() };
        last = answer;
        return answer.status === status ? answer : undefined;
      } catch (error) {
        last = (error as Error).message;
        return undefined;
      }
    },
    () => `${url} to answer ${status}; last: ${JSON.stringify(last)}`,
    { pollMs: 250 },
  );
}
