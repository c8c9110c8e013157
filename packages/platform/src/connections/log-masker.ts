/** Values shorter than this are not masked (they would mask ordinary text). */
export const MIN_MASK_LENGTH = 4;
export const MASK = "***";

export interface LogMasker {
  /** Masks a chunk; may hold back the last few characters (fewer than the longest value) until the next chunk. */
  push(text: string): string;
  /** Masks and returns whatever is held back (call at the end of the try's stream). */
  end(): string;
  /**
   * The input characters held back (not written yet, or only as part of a ***
   * written already): what another masker must be given again when this one
   * is abandoned mid-stream (a scheduler handing a running task over). A value
   * overlapping one masked already may then show as a second ***, never in clear.
   */
  heldBack(): string;
}

interface Interval {
  start: number;
  end: number;
}

/**
 * A streaming masker for one try's stream: every occurrence of a value is
 * replaced by `***` (overlapping occurrences become one `***`), also when a
 * value is split across chunks. It holds back at most (longest value − 1)
 * characters, and only while they could be the start of a value.
 */
export function createLogMasker(values: readonly string[]): LogMasker {
  const masked = [...new Set(values.filter((v) => v.length >= MIN_MASK_LENGTH))];
  const maxLength = Math.max(0, ...masked.map((v) => v.length));
  let pending = "";
  // The first `covered` characters of `pending` belong to a *** already written.
  let covered = 0;

  /** Occurrences in `text`, sorted, merged when they overlap. */
  function intervals(text: string): Interval[] {
    const found: Interval[] = [];
    if (covered > 0) found.push({ start: 0, end: covered });
    for (const value of masked) {
      for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) found.push({ start: at, end: at + value.length });
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: Interval[] = [];
    for (const interval of found) {
      const last = merged.at(-1);
      if (last && interval.start < last.end) last.end = Math.max(last.end, interval.end);
      else merged.push({ ...interval });
    }
    return merged;
  }

  /** Where a value could still begin that needs text not seen yet: the first suffix that is a proper prefix of a value. */
  function holdFrom(text: string): number {
    for (let at = Math.max(0, text.length - maxLength + 1); at < text.length; at++) {
      const tail = text.slice(at);
      if (masked.some((value) => value.length > tail.length && value.startsWith(tail))) return at;
    }
    return text.length;
  }

  /** Masks text[0, cut); returns the output and how far into the rest the last *** reaches. */
  function emit(text: string, cut: number): { out: string; coveredAfterCut: number } {
    // Nothing is written: the *** already written still covers the same characters.
    if (cut === 0) return { out: "", coveredAfterCut: covered };
    let out = "";
    let at = 0;
    let coveredAfterCut = 0;
    for (const interval of intervals(text)) {
      if (interval.start >= cut) break;
      out += text.slice(at, interval.start);
      // The interval that starts in the covered prefix already wrote its ***.
      if (!(covered > 0 && interval.start === 0)) out += MASK;
      at = Math.min(interval.end, cut);
      if (interval.end > cut) coveredAfterCut = interval.end - cut;
    }
    out += text.slice(at, cut);
    return { out, coveredAfterCut };
  }

  return {
    push(text) {
      if (masked.length === 0) return text;
      const buffer = pending + text;
      const cut = holdFrom(buffer);
      const { out, coveredAfterCut } = emit(buffer, cut);
      pending = buffer.slice(cut);
      covered = coveredAfterCut;
      return out;
    },
    end() {
      const { out } = emit(pending, pending.length);
      pending = "";
      covered = 0;
      return out;
    },
    heldBack() {
      return pending;
    },
  };
}

/** Masks a whole text at once. */
export function maskText(values: readonly string[], text: string): string {
  const masker = createLogMasker(values);
  return masker.push(text) + masker.end();
}
