import { describe, expect, it } from "vitest";
import { createLinePrefixer } from "./prefix-lines";

describe("createLinePrefixer", () => {
  it("prefixes every line, joining lines split across chunks and multi-byte characters", () => {
    let out = "";
    const prefixer = createLinePrefixer("[web] ", (text) => (out += text));
    const bytes = Buffer.from("ready in 12ms\nlistening on :3000 — ok\n\nhalf");
    prefixer.write(bytes.subarray(0, 5));
    prefixer.write(bytes.subarray(5, 34)); // ends inside the em dash
    expect(out).toBe("[web] ready in 12ms\n");
    prefixer.write(bytes.subarray(34));
    expect(out).toBe("[web] ready in 12ms\n[web] listening on :3000 — ok\n[web] \n");
    prefixer.end();
    expect(out).toBe("[web] ready in 12ms\n[web] listening on :3000 — ok\n[web] \n[web] half\n");
  });
});
