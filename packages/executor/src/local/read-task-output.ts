import { open } from "node:fs/promises";

/** Where one output file of a try has been read up to. */
export interface OutputCursor {
  /** Bytes of the file delivered (never inside a UTF-8 character). */
  offset: number;
  /** Complete lines at the start still to skip, because another process stored them already. */
  skipLines: number;
}

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Length of the longest prefix of `bytes` that does not end inside a UTF-8
 * character (a character split across reads is delivered whole, later).
 * Bytes that are not valid UTF-8 anyway are not held back.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && bytes.length - lead < 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const byte = bytes[lead]!;
  const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= needed ? bytes.length : lead;
}

/**
 * Reads what was appended to `path` since `cursor.offset` and passes it to
 * `emit` as text, in chunks, advancing the cursor: first `skipLines` complete
 * lines are dropped; a character whose bytes are not all written yet waits
 * for the next read, unless `final` (the writer is gone), when incomplete
 * bytes are decoded as U+FFFD. A missing file reads as empty.
 */
export async function readTaskOutput(path: string, cursor: OutputCursor, final: boolean, emit: (text: string) => void): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    while (cursor.offset < size) {
      const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, size - cursor.offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, cursor.offset);
      if (bytesRead === 0) break;
      let bytes = buffer.subarray(0, bytesRead);
      while (cursor.skipLines > 0 && bytes.length > 0) {
        const newline = bytes.indexOf(NEWLINE);
        const skipped = newline < 0 ? bytes.length : newline + 1;
        if (newline >= 0) cursor.skipLines--;
        cursor.offset += skipped;
        bytes = bytes.subarray(skipped);
      }
      const atEnd = cursor.offset + bytes.length >= size;
      const length = final && atEnd ? bytes.length : completeUtf8Length(bytes);
      if (length > 0) {
        cursor.offset += length;
        emit(bytes.subarray(0, length).toString("utf8"));
      }
      if (length < bytes.length && atEnd) break; // the rest of a character is not written yet
    }
  } finally {
    await handle.close();
  }
}
