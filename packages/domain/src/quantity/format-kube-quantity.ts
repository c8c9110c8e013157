import { tryParseQuantity, type QuantityFormat } from "./parse-kube-quantity";

const BINARY_SUFFIXES: [string, number][] = [
  ["Ei", 2 ** 60],
  ["Pi", 2 ** 50],
  ["Ti", 2 ** 40],
  ["Gi", 2 ** 30],
  ["Mi", 2 ** 20],
  ["Ki", 2 ** 10],
];
const DECIMAL_SUFFIXES: [string, number][] = [
  ["E", 18],
  ["P", 15],
  ["T", 12],
  ["G", 9],
  ["M", 6],
  ["k", 3],
  ["", 0],
  ["m", -3],
  ["u", -6],
  ["n", -9],
];

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) < 1e-6;
}

/**
 * Writes a value (base units) the way the API server stores quantities: the
 * largest suffix of the same family that keeps the number whole
 * ("1000m" → "1", "0.5" → "500m", "1024Mi" → "1Gi", "2000" → "2k").
 */
export function formatQuantity(value: number, format: QuantityFormat = "decimalSI"): string {
  if (value === 0) return "0";
  if (format === "binarySI" && isWhole(value) && Math.abs(value) >= 1024) {
    for (const [suffix, factor] of BINARY_SUFFIXES) {
      const scaled = value / factor;
      if (Number.isInteger(scaled)) return `${scaled}${suffix}`;
    }
  }
  if (format === "binarySI" && isWhole(value)) return String(Math.round(value));
  for (const [suffix, exponent] of DECIMAL_SUFFIXES) {
    const scaled = value / 10 ** exponent;
    if (Math.abs(scaled) >= 1 && isWhole(scaled)) return `${Math.round(scaled)}${suffix}`;
  }
  return `${Math.ceil(value * 1e9)}n`;
}

/** The API server's canonical spelling of a quantity ("1000m" → "1"); unparsable text is returned unchanged. */
export function canonicalQuantity(text: string | number): string {
  const parsed = tryParseQuantity(text);
  if (!parsed) return String(text);
  return formatQuantity(parsed.value, parsed.format);
}
