import { describe, expect, it } from "vitest";
import { createLogMasker, maskText } from "./log-masker";

/** Feeds `chunks` through one masker, also returning what each push held back. */
function streamed(values: string[], chunks: string[]): { text: string; maxHeld: number } {
  const masker = createLogMasker(values);
  let text = "";
  let fed = 0;
  let maxHeld = 0;
  for (const chunk of chunks) {
    text += masker.push(chunk);
    fed += chunk.length;
    // Output can be shorter than input (*** replaces longer values), so compare against the fully masked prefix.
    maxHeld = Math.max(maxHeld, fed - text.length);
  }
  return { text: text + masker.end(), maxHeld };
}

/** The obvious whole-text masking: merge every overlapping occurrence, replace each group by ***. */
function referenceMask(values: string[], text: string): string {
  const spans: [number, number][] = [];
  for (const v of values.filter((x) => x.length >= 4)) {
    for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + 1)) spans.push([at, at + v.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (let i = 0; i < spans.length; ) {
    const [start] = spans[i] ?? [0, 0];
    let end = spans[i]?.[1] ?? 0;
    for (i++; i < spans.length && (spans[i]?.[0] ?? 0) < end; i++) end = Math.max(end, spans[i]?.[1] ?? 0);
    out += text.slice(at, start) + "***";
    at = end;
  }
  return out + text.slice(at);
}

describe("createLogMasker", () => {
  it("masks every occurrence of every value as ***", () => {
    expect(maskText(["hunter22", "tok-abc"], "login with hunter22, token tok-abc, again hunter22\n")).toBe(
      "login with ***, token ***, again ***\n",
    );
  });

  it("leaves values shorter than 4 characters and text without values alone", () => {
    expect(maskText(["abc", ""], "abc abcd")).toBe("abc abcd");
    expect(maskText([], "nothing to hide")).toBe("nothing to hide");
  });

  it("masks a value split across two chunks at every split point, with the same result as unsplit", () => {
    const values = ["s3cr3t-p@ss", "p%40ss-enc"];
    const text = "start s3cr3t-p@ss middle p%40ss-enc end s3cr3t-p@ss-s3cr3t-p@ss!";
    const expected = maskText(values, text);
    expect(expected).toBe("start *** middle *** end ***-***!");
    for (let split = 0; split <= text.length; split++) {
      expect(streamed(values, [text.slice(0, split), text.slice(split)]).text, `split at ${split}`).toBe(expected);
    }
  });

  it("masks values split across three chunks and fed one character at a time", () => {
    const values = ["abcdef", "cdefgh", "xyzw"];
    const text = "..abcdefgh..xyzxyzw..abcdef";
    const expected = maskText(values, text);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) {
        expect(streamed(values, [text.slice(0, a), text.slice(a, b), text.slice(b)]).text, `splits ${a},${b}`).toBe(expected);
      }
    }
    expect(streamed(values, [...text]).text).toBe(expected);
  });

  it("masks overlapping and nested values as one *** so no part of either shows", () => {
    expect(maskText(["abcdef", "defghi"], "[abcdefghi]")).toBe("[***]");
    expect(maskText(["password123", "word"], "x password123 word")).toBe("x *** ***");
    expect(maskText(["aaaa"], "aaaaaa")).toBe("***");
    // Adjacent (not overlapping) values stay two masks.
    expect(maskText(["abcd", "efgh"], "abcdefgh")).toBe("******");
  });

  it("holds back fewer characters than the longest value, and only what could start one", () => {
    const values = ["0123456789"];
    const { maxHeld } = streamed(values, ["log line 01234", "567 no", "thing 012345678"]);
    expect(maxHeld).toBeLessThanOrEqual(9);
    const masker = createLogMasker(values);
    expect(masker.push("plain text with no prefix\n")).toBe("plain text with no prefix\n");
    expect(masker.push("ends with 0123")).toBe("ends with ");
    expect(masker.push("4x")).toBe("01234x");
  });

  it("flushes what it holds back at the end of the stream", () => {
    const masker = createLogMasker(["secret-value"]);
    expect(masker.push("partial secret-val")).toBe("partial ");
    expect(masker.end()).toBe("secret-val");
    expect(masker.push("secret-value")).toBe("***");
    expect(masker.end()).toBe("");
  });

  it("matches whole-text masking for random texts, values and chunkings", () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (min: number, max: number) => Array.from({ length: min + random(max - min + 1) }, () => "ab%c"[random(4)]).join("");
    for (let round = 0; round < 400; round++) {
      const values = Array.from({ length: 1 + random(3) }, () => word(4, 7));
      const text = word(0, 40);
      const chunks: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = random(6);
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      expect(streamed(values, chunks).text, JSON.stringify({ values, chunks })).toBe(referenceMask(values, text));
    }
  });

  it("does not repeat *** for a value that continues across a chunk boundary", () => {
    const masker = createLogMasker(["abcdefgh", "efghijkl"]);
    const out = masker.push("abcdefgh") + masker.push("ijkl tail") + masker.end();
    expect(out).toBe("*** tail");
  });
});
