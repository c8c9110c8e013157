import { createHash } from "node:crypto";

/** A valid Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MAX = 63;
const HASH_LENGTH = 10;

/**
 * Turns any text into a label value, deterministically. Text that already is
 * one is kept; anything else (run ids like `manual__2024-05-01T00:00:00+00:00`,
 * long ids) becomes a readable prefix plus a short hash of the full text, so
 * two different inputs never share a label value.
 */
export function toLabelValue(text: string): string {
  if (text.length <= MAX && LABEL_VALUE.test(text)) return text;
  const hash = createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
  const readable = text
    .replace(/[^-A-Za-z0-9_.]/g, "_")
    .slice(0, MAX - HASH_LENGTH - 1)
    .replace(/^[^A-Za-z0-9]+/, "")
    .replace(/[^A-Za-z0-9]+$/, "");
  return readable ? `${readable}-${hash}` : hash;
}
