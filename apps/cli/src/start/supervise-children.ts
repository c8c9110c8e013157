import { spawn, type ChildProcess } from "node:child_process";
import { commandEnv } from "../config/env";
import { createLinePrefixer } from "./prefix-lines";
import { processGroupAlive } from "./process-group-alive";

export interface ChildSpec {
  /** Short name used as the output prefix and in messages: "web", "scheduler". */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the child could not be started at all. */
  error?: Error;
}

export interface SuperviseOptions {
  /** Where prefixed child output goes. Default process.stdout / process.stderr. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Time between SIGTERM and SIGKILL when stopping. Default 15000. */
  stopTimeoutMs?: number;
}

export interface Supervisor {
  /** Resolves with the first child that exited on its own; the others are then stopped automatically. */
  readonly unexpectedExit: Promise<ChildExit>;
  /** The pid of each child (also its process group id). */
  pids(): Record<string, number | undefined>;
  /**
   * SIGTERM to every child's process group, SIGKILL after stopTimeoutMs, and
   * resolves when all have exited. Safe to call more than once.
   */
  stop(): Promise<ChildExit[]>;
  /** SIGKILL to every child's process group now (a second Ctrl-C), including processes a child left behind. */
  forceKill(): void;
}

interface Supervised {
  spec: ChildSpec;
  child: ChildProcess;
  exit: Promise<ChildExit>;
  exited: boolean;
}

/**
 * Runs long-lived child processes (the web app, the scheduler) in their own
 * process groups, prefixes their output lines with `[name]`, and stops them
 * all together: on request, or as soon as one of them dies.
 */
export function superviseChildren(specs: readonly ChildSpec[], options: SuperviseOptions = {}): Supervisor {
  const writeOut = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const writeErr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  let stopping: Promise<ChildExit[]> | undefined;
  let reportUnexpected!: (exit: ChildExit) => void;
  const unexpectedExit = new Promise<ChildExit>((resolve) => (reportUnexpected = resolve));

  const children: Supervised[] = specs.map((spec) => startChild(spec));

  // Last resort if this process exits without stopping them (a crash): never leave them behind.
  const killOnExit = () => signalAll("SIGKILL");
  process.once("exit", killOnExit);

  function startChild(spec: ChildSpec): Supervised {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? commandEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group: a terminal Ctrl-C reaches only this supervisor, which then
      // stops the children in order, and a signal to the group reaches their children too.
      detached: true,
    });
    const out = createLinePrefixer(`[${spec.name}] `, writeOut);
    const err = createLinePrefixer(`[${spec.name}] `, writeErr);
    child.stdout?.on("data", (chunk: Buffer) => out.write(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.write(chunk));
    const supervised: Supervised = { spec, child, exited: false, exit: undefined as unknown as Promise<ChildExit> };
    supervised.exit = new Promise<ChildExit>((resolve) => {
      const done = (exit: ChildExit) => {
        if (supervised.exited) return;
        supervised.exited = true;
        out.end();
        err.end();
        resolve(exit);
        if (!stopping) {
          reportUnexpected(exit);
          void stop();
        }
      };
      child.once("error", (error) => {
        if (child.pid === undefined) done({ name: spec.name, code: null, signal: null, error });
      });
      child.once("close", (code, signal) => done({ name: spec.name, code, signal }));
      child.once("exit", () => {
        // A grandchild that left the group could hold the pipes open forever: stop reading after a while.
        setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        }, 2000).unref();
      });
    });
    return supervised;
  }

  /**
   * Signals every child's whole process group, also when the child itself has
   * already exited: processes it started may still be running in the group.
   */
  function signalAll(signal: NodeJS.Signals): void {
    for (const { child } of children) {
      if (child.pid === undefined) continue;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    }
  }

  function anyGroupAlive(): boolean {
    return children.some(({ child }) => child.pid !== undefined && processGroupAlive(child.pid));
  }

  function stop(): Promise<ChildExit[]> {
    stopping ??= (async () => {
      signalAll("SIGTERM");
      let killedAt: number | undefined;
      const timer = setTimeout(() => {
        killedAt = Date.now();
        signalAll("SIGKILL");
      }, stopTimeoutMs);
      const exits = await Promise.all(children.map((c) => c.exit));
      // A child can exit before processes it started in its group: wait for them too (SIGKILLed at the same
      // deadline), but not forever for a process that even SIGKILL does not end at once (stuck in the kernel).
      while (anyGroupAlive() && (killedAt === undefined || Date.now() - killedAt < 2000)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      clearTimeout(timer);
      process.removeListener("exit", killOnExit);
      return exits;
    })();
    return stopping;
  }

  return {
    unexpectedExit,
    pids: () => Object.fromEntries(children.map((c) => [c.spec.name, c.child.pid])),
    stop,
    forceKill() {
      void stop();
      signalAll("SIGKILL");
    },
  };
}

/** "the scheduler exited with code 1", "the web app was killed by SIGKILL", … */
export function describeChildExit(exit: ChildExit): string {
  if (exit.error) return `${exit.name} could not be started: ${exit.error.message}`;
  if (exit.signal) return `${exit.name} was killed by ${exit.signal}`;
  return `${exit.name} exited with code ${String(exit.code)}`;
}
