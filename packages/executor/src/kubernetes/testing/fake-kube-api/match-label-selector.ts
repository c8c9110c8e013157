import { badRequest } from "./kube-status";

type Requirement =
  | { op: "exists" | "notexists"; key: string }
  | { op: "in" | "notin"; key: string; values: string[] };

export type LabelSelector = (labels: Record<string, string> | undefined) => boolean;

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseRequirement(text: string): Requirement {
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(text);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    return { op: set[2] as "in" | "notin", key: set[1]!, values };
  }
  const equality = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(text);
  if (equality) {
    return { op: equality[2] === "!=" ? "notin" : "in", key: equality[1]!, values: [equality[3]!] };
  }
  const notExists = /^!\s*([^\s!=]+)$/.exec(text);
  if (notExists) return { op: "notexists", key: notExists[1]! };
  if (/^[^\s!=()]+$/.test(text)) return { op: "exists", key: text };
  throw badRequest(`unable to parse requirement: ${JSON.stringify(text)}`);
}

/** Parses a label selector (`a=b,c!=d,e in (f,g),!h`) into a matcher; an empty selector matches everything. */
export function parseLabelSelector(selector: string | null | undefined): LabelSelector {
  const requirements = splitTopLevel(selector ?? "").map(parseRequirement);
  return (labels = {}) =>
    requirements.every((r) => {
      const has = Object.hasOwn(labels, r.key);
      switch (r.op) {
        case "exists":
          return has;
        case "notexists":
          return !has;
        case "in":
          return has && r.values.includes(labels[r.key]!);
        case "notin":
          return !has || !r.values.includes(labels[r.key]!);
      }
    });
}

/** Supports the field selectors Updraft could use: metadata.name and metadata.namespace (= and !=). */
export function parseFieldSelector(selector: string | null | undefined): (fields: Record<string, string>) => boolean {
  const parts = splitTopLevel(selector ?? "").map((text) => {
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(text);
    if (!match || !["metadata.name", "metadata.namespace", "status.phase"].includes(match[1]!)) {
      throw badRequest(`field label not supported: ${text}`);
    }
    return { field: match[1]!, negate: match[2] === "!=", value: match[3]! };
  });
  return (fields) => parts.every((p) => (fields[p.field] === p.value) !== p.negate);
}
