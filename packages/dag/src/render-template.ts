import { scanTemplate } from "./scan-template";

/** Values a template may reference: plain names (`ds`) and `params`, `dag`, `task` namespaces. */
export type TemplateContext = Readonly<Record<string, unknown>>;

function lookup(context: TemplateContext, name: string): unknown {
  let current: unknown = context;
  for (const segment of name.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object") return String(value);
  return JSON.stringify(value);
}

/**
 * Replaces every `{{ name }}` in `text` with its value from `context`. Strings are
 * inserted as is, other primitives with String(), objects and lists as JSON.
 * Throws when the template is malformed or names something the context lacks.
 */
export function renderTemplate(text: string, context: TemplateContext): string {
  if (!text.includes("{{")) return text;
  const scanned = scanTemplate(text);
  if (!scanned.ok) throw new Error(scanned.problems.join("; "));
  let out = "";
  for (const part of scanned.parts) {
    if (part.kind === "text") {
      out += part.text;
      continue;
    }
    const value = lookup(context, part.name);
    if (value === undefined) {
      throw new Error(`template ${JSON.stringify(part.source)} refers to "${part.name}", which has no value`);
    }
    out += stringify(value);
  }
  return out;
}
