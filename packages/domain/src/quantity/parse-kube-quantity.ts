/**
 * Kubernetes resource quantities ("500m", "1.5Gi", "2", "1e3"), parsed the
 * way the API server reads them: a signed decimal number with an optional
 * binary (Ki…Ei), decimal (n, u, m, k, M, G, T, P, E) or exponent suffix.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|n|u|m|k|M|G|T|P|E)?$/;

export type QuantityFormat = "binarySI" | "decimalSI" | "decimalExponent";

export interface ParsedQuantity {
  /** The value in base units: cores for cpu, bytes for memory, a count otherwise. */
  value: number;
  format: QuantityFormat;
}

/** Parses a quantity; returns undefined for text that is not one. */
export function tryParseQuantity(text: string | number): ParsedQuantity | undefined {
  if (typeof text === "number") return Number.isFinite(text) ? { value: text, format: "decimalSI" } : undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? "";
  if (suffix in BINARY) return { value: number * BINARY[suffix]!, format: "binarySI" };
  if (suffix in DECIMAL) return { value: number * DECIMAL[suffix]!, format: "decimalSI" };
  return { value: number * 10 ** Number(suffix.slice(1)), format: "decimalExponent" };
}

/**
 * Whether `text` is a quantity as a resource spec writes it: unsigned, with
 * nothing around it ("500m", "2", "0.5", "1Gi", "512Mi", "1e3").
 */
export function isUnsignedQuantity(text: string): boolean {
  return /^[0-9.]/.test(text) && text === text.trim() && tryParseQuantity(text) !== undefined;
}

/** The value of a quantity in base units; throws with a readable message on bad input. */
export function parseQuantity(text: string | number): number {
  const parsed = tryParseQuantity(text);
  if (!parsed) {
    throw new Error(
      `"${String(text)}" is not a Kubernetes quantity (expected a number with an optional suffix, e.g. 500m, 2, 512Mi, 4Gi)`,
    );
  }
  return parsed.value;
}

const EPSILON = 1e-9;

/** -1, 0 or 1 like a comparator; tolerant of floating-point noise in decimal fractions. */
export function compareQuantities(a: string | number, b: string | number): number {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  const scale = Math.max(Math.abs(x), Math.abs(y), 1);
  if (Math.abs(x - y) <= scale * EPSILON) return 0;
  return x < y ? -1 : 1;
}

export function quantitiesEqual(a: string | number, b: string | number): boolean {
  return compareQuantities(a, b) === 0;
}
