import { StringDecoder } from "node:string_decoder";

/**
 * Writes text with `prefix` in front of every line. A line split across
 * chunks is held back until it is complete; `end()` writes what is left.
 */
export function createLinePrefixer(prefix: string, write: (text: string) => void) {
  const decoder = new StringDecoder("utf8");
  let partial = "";

  function emitComplete(text: string): void {
    const combined = partial + text;
    const lastNewline = combined.lastIndexOf("\n");
    if (lastNewline === -1) {
      partial = combined;
      return;
    }
    partial = combined.slice(lastNewline + 1);
    const complete = combined.slice(0, lastNewline).split("\n");
    write(complete.map((line) => `${prefix}${line}\n`).join(""));
  }

  return {
    write(chunk: Buffer | string): void {
      emitComplete(typeof chunk === "string" ? chunk : decoder.write(chunk));
    },
    end(): void {
      emitComplete(decoder.end());
      if (partial) {
        write(`${prefix}${partial}\n`);
        partial = "";
      }
    },
  };
}
