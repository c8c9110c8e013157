import { spawn, type ChildProcess } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import type { Readable } from "node:stream";

export type ProcessEnd =
  | { kind: "exited"; code: number | null; signal: NodeJS.Signals | null }
  | { kind: "spawn-error"; error: NodeJS.ErrnoException };

export interface TaskProcessHandlers {
  /** The process is running (its pid is also its process group id). */
  onSpawn(pid: number): void;
  /** Decoded UTF-8 text; a character split across chunks arrives whole. */
  onOutput(stream: "STDOUT" | "STDERR", text: string): void;
  /** The main process exited; processes it left in its group may still hold the pipes open. */
  onLeaderExit(): void;
  /** Called once: after all output was delivered, or when the process could not start. */
  onEnd(end: ProcessEnd): void;
}

/**
 * Starts `argv` as the leader of a new process group (so the whole tree can be
 * signalled at once), stdin closed, stdout/stderr piped and decoded.
 */
export function spawnTaskProcess(
  argv: readonly string[],
  options: { cwd: string; env: Record<string, string> },
  handlers: TaskProcessHandlers,
): ChildProcess {
  const [file, ...rest] = argv;
  if (file === undefined) throw new Error("spawnTaskProcess needs a non-empty argv");
  const child = spawn(file, rest, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let started = false;
  let ended = false;
  const end = (result: ProcessEnd) => {
    if (ended) return;
    ended = true;
    handlers.onEnd(result);
  };

  pipeDecoded(child.stdout, (text) => handlers.onOutput("STDOUT", text));
  pipeDecoded(child.stderr, (text) => handlers.onOutput("STDERR", text));

  child.once("spawn", () => {
    started = true;
    handlers.onSpawn(child.pid as number);
  });
  child.on("error", (error: NodeJS.ErrnoException) => {
    // After a successful start, 'error' only reports a failed kill(); the close event still follows.
    if (!started) end({ kind: "spawn-error", error });
  });
  child.once("exit", () => {
    if (started) handlers.onLeaderExit();
  });
  child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
    if (started) end({ kind: "exited", code, signal });
  });
  return child;
}

function pipeDecoded(stream: Readable | null, emit: (text: string) => void): void {
  if (!stream) return;
  const decoder = new StringDecoder("utf8");
  stream.on("data", (chunk: Buffer) => {
    const text = decoder.write(chunk);
    if (text) emit(text);
  });
  stream.on("end", () => {
    const rest = decoder.end();
    if (rest) emit(rest);
  });
}
