import { quantitiesEqual } from "@updraft/domain/quantity";

/** The object as plain JSON: client model instances, Dates and undefined fields normalized away. */
export function toPlain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Structural equality of plain JSON values, ignoring key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const x = toPlain(a);
  const y = toPlain(b);
  return equal(x, y);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => equal(v, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Every desired label is present with its value (labels others added are left alone). */
export function hasLabels(existing: Record<string, string> | undefined, desired: Record<string, string> | undefined): boolean {
  return Object.entries(desired ?? {}).every(([k, v]) => existing?.[k] === v);
}

/** Same keys, and values equal as quantities ("1000m" = "1"), as the API server may rewrite them. */
export function quantityMapsEqual(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => y[k] !== undefined && quantitiesEqual(x[k]!, y[k]!));
}
