import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { completeUtf8Length, readTaskOutput, type OutputCursor } from "./read-task-output";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function outputFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "updraft-output-"));
  dirs.push(dir);
  return join(dir, "stdout.log");
}

async function read(path: string, cursor: OutputCursor, final = false): Promise<string> {
  let text = "";
  await readTaskOutput(path, cursor, final, (chunk) => (text += chunk));
  return text;
}

describe("completeUtf8Length", () => {
  it("cuts before a character whose bytes are not all there", () => {
    const euro = Buffer.from("a€");
    expect(completeUtf8Length(euro)).toBe(4);
    expect(completeUtf8Length(euro.subarray(0, 3))).toBe(1);
    expect(completeUtf8Length(euro.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(Buffer.from("😀").subarray(0, 3))).toBe(0);
    expect(completeUtf8Length(Buffer.from([0x80, 0x80]))).toBe(2); // not UTF-8 anyway: nothing to wait for
  });
});

describe("readTaskOutput", () => {
  it("delivers appended text from where it stopped, a split character once whole", async () => {
    const path = outputFile();
    const cursor = { offset: 0, skipLines: 0 };
    expect(await read(path, cursor)).toBe(""); // not written yet
    const bytes = Buffer.from("héllo 😀\n");
    appendFileSync(path, bytes.subarray(0, 8));
    expect(await read(path, cursor)).toBe("héllo ");
    expect(cursor.offset).toBe(7);
    appendFileSync(path, bytes.subarray(8));
    expect(await read(path, cursor)).toBe("😀\n");
    expect(cursor.offset).toBe(bytes.length);
  });

  it("skips the lines already stored, also when they arrive in parts", async () => {
    const path = outputFile();
    const cursor = { offset: 0, skipLines: 2 };
    appendFileSync(path, "one\ntw");
    expect(await read(path, cursor)).toBe("");
    appendFileSync(path, "o\nthree\n");
    expect(await read(path, cursor)).toBe("three\n");
    expect(cursor.skipLines).toBe(0);
  });

  it("decodes an incomplete last character once the writer is gone", async () => {
    const path = outputFile();
    appendFileSync(path, Buffer.from("ok €").subarray(0, 4));
    const cursor = { offset: 0, skipLines: 0 };
    expect(await read(path, cursor)).toBe("ok ");
    expect(await read(path, cursor, true)).toBe("\uFFFD");
  });
});
