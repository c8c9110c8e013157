import { describe, expect, it } from "vitest";
import { FILE_SIZE_LIMIT_TEXT, formatByteLimit, MAX_FILE_BYTES, MAX_FILE_NAME_LENGTH } from "./limits";
import { parseDagFile } from "./parse-dag-file";

const TOO_LARGE = `the file is larger than 1 MiB (${MAX_FILE_BYTES} bytes): split the DAG or move data out of it`;
const HEAD = "dag_id: a\ntasks: [{task_id: a, command: [x]}]\n# ";

/** A valid DAG file of exactly `bytes` bytes of UTF-8, padded with a comment of `pad` characters. */
function dagFileOf(bytes: number, pad = "x"): string {
  const room = bytes - HEAD.length - 1;
  const padBytes = Buffer.byteLength(pad, "utf8");
  return `${HEAD}${pad.repeat(Math.floor(room / padBytes))}${"x".repeat(room % padBytes)}\n`;
}

describe("the DAG file size limit", () => {
  it("is 1 MiB", () => {
    expect(MAX_FILE_BYTES).toBe(1024 * 1024);
  });

  it("accepts a file of exactly the limit and refuses one byte more, counting UTF-8 bytes", () => {
    for (const pad of ["x", "é", "€"]) {
      const fits = dagFileOf(MAX_FILE_BYTES, pad);
      expect(Buffer.byteLength(fits, "utf8")).toBe(MAX_FILE_BYTES);
      expect(parseDagFile("a.yaml", fits).ok).toBe(true);
      const over = dagFileOf(MAX_FILE_BYTES + 1, pad);
      expect(parseDagFile("a.yaml", over)).toMatchObject({ ok: false, errors: [{ message: TOO_LARGE }] });
    }
  });
});

describe("the DAG file name limit", () => {
  it("is 255 characters", () => {
    expect(MAX_FILE_NAME_LENGTH).toBe(255);
  });
});

describe("the DAG file size limit's text", () => {
  it("reads 1 MiB, derived from MAX_FILE_BYTES", () => {
    expect(FILE_SIZE_LIMIT_TEXT).toBe("1 MiB");
  });

  it("formats byte limits as whole or tenth MiB, and below 1 MiB as KiB rounded up", () => {
    expect(formatByteLimit(8 * 1024 * 1024)).toBe("8 MiB");
    expect(formatByteLimit(1.5 * 1024 * 1024)).toBe("1.5 MiB");
    expect(formatByteLimit(1024 * 1024 - 1)).toBe("1024 KiB");
    expect(formatByteLimit(900 * 1024)).toBe("900 KiB");
  });
});
