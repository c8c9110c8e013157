/**
 * Renders the DAG file's field tables (markdown) from its JSON Schema, the one
 * generated from the zod schema the upload validator uses, so the reference in
 * packages/dag/README.md lists exactly the keys, types and bounds that are
 * accepted. Semantics (what the scheduler does with a field) stay hand-written.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  propertyNames?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
}

interface Table {
  title: string;
  schema: JsonSchema;
  /** Keys described by another table (a task's fields that default_args also has). */
  sharedWith?: { title: string; keys: ReadonlySet<string> };
}

const PLURAL: Record<string, string> = {
  string: "strings",
  number: "numbers",
  integer: "whole numbers",
  boolean: "booleans",
  object: "mappings",
  array: "lists",
  null: "nulls",
};

const SINGULAR: Record<string, string> = { integer: "whole number", object: "mapping", array: "list" };

function types(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

function code(text: string): string {
  return `\`${text.replaceAll("|", "\\|")}\``;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\n", " ");
}

function isSafeIntegerBound(value: number | undefined): boolean {
  return value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER;
}

function nounsOf(schema: JsonSchema): string {
  if (schema.anyOf) return orList(schema.anyOf.flatMap((member) => types(member).map((t) => PLURAL[t] ?? t)));
  return orList(types(schema).map((t) => PLURAL[t] ?? t));
}

function typeOf(schema: JsonSchema, childTitle: (key: string) => string | undefined): string {
  if (schema.anyOf) return orList(schema.anyOf.map((member) => typeOf(member, childTitle)));
  return orList(
    types(schema).map((t) => {
      if (t === "array" && schema.items) {
        const table = schema.items.properties ? childTitle("[]") : undefined;
        return table ? `list of mappings (${table})` : `list of ${nounsOf(schema.items)}`;
      }
      if (t === "object" && schema.properties) {
        const table = childTitle("");
        return table ? `mapping (${table})` : "mapping";
      }
      if (t === "object" && typeof schema.additionalProperties === "object") {
        const values = nounsOf(schema.additionalProperties);
        return values === "" ? "mapping of names to any values" : `mapping of names to ${values}`;
      }
      return SINGULAR[t] ?? t;
    }),
  );
}

function boundsOf(schema: JsonSchema): string[] {
  const rules: string[] = [];
  if (schema.enum) rules.push(`one of ${schema.enum.map((value) => code(String(value))).join(", ")}`);
  if (schema.pattern) rules.push(`matches ${code(schema.pattern)}`);
  const { minimum, maximum } = schema;
  if (!isSafeIntegerBound(minimum) && !isSafeIntegerBound(maximum)) rules.push(`${minimum} to ${maximum}`);
  else if (!isSafeIntegerBound(minimum)) rules.push(`at least ${minimum}`);
  else if (!isSafeIntegerBound(maximum)) rules.push(`at most ${maximum}`);
  if (schema.minLength !== undefined && schema.maxLength !== undefined) {
    rules.push(`${schema.minLength} to ${schema.maxLength} characters`);
  } else if (schema.minLength !== undefined) rules.push(`at least ${schema.minLength} character${schema.minLength === 1 ? "" : "s"}`);
  else if (schema.maxLength !== undefined) rules.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined && schema.maxItems !== undefined) {
    rules.push(`${schema.minItems} to ${schema.maxItems} items`);
  } else if (schema.minItems !== undefined) rules.push(`at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
  else if (schema.maxItems !== undefined) rules.push(`at most ${schema.maxItems} items`);
  if (schema.propertyNames?.pattern) rules.push(`names match ${code(schema.propertyNames.pattern)}`);
  return rules;
}

function rulesOf(schema: JsonSchema): string {
  const own = boundsOf(schema);
  const members = (schema.anyOf ?? []).flatMap(boundsOf);
  const items = schema.items && !schema.items.properties ? boundsOf(schema.items).map((rule) => `each ${rule}`) : [];
  return [...own, ...members, ...items].join("; ");
}

function presenceOf(key: string, schema: JsonSchema, parent: JsonSchema): string {
  if (parent.required?.includes(key)) return "**required**";
  if (schema.default !== undefined) return code(JSON.stringify(schema.default));
  return "optional";
}

/** Same shape; descriptions may differ (requests and limits share one table). */
function sameSchema(a: JsonSchema, b: JsonSchema): boolean {
  const shape = ({ description: _description, ...rest }: JsonSchema) => JSON.stringify(rest);
  return shape(a) === shape(b);
}

/** The tables to render, parents first; a child table shared by several keys (requests, limits) appears once. */
function collectTables(root: JsonSchema): Table[] {
  const taskFields = root.properties?.default_args;
  const task = root.properties?.tasks?.items;
  const shared = new Set(
    Object.entries(task?.properties ?? {})
      .filter(([key, schema]) => {
        const inherited = taskFields?.properties?.[key];
        return inherited !== undefined && sameSchema(inherited, schema);
      })
      .map(([key]) => key),
  );
  const tables: Table[] = [{ title: "top level", schema: root }];
  if (task) {
    tables.push({
      title: "`tasks[]`",
      schema: task,
      sharedWith: taskFields ? { title: "`default_args`", keys: shared } : undefined,
    });
  }
  if (taskFields) tables.push({ title: "`default_args`", schema: taskFields });
  return tables;
}

function childTables(table: Table, prefix: string): Table[] {
  const children: Table[] = [];
  for (const [key, schema] of Object.entries(table.schema.properties ?? {})) {
    if (table.sharedWith?.keys.has(key)) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    if (schema.properties) children.push({ title: code(path), schema });
    else if (schema.items?.properties) children.push({ title: code(`${path}[]`), schema: schema.items });
  }
  return children;
}

/** One markdown table: a row per key, with a closing row for the keys another table describes. */
function renderTable(table: Table, titleOfChild: (schema: JsonSchema) => string | undefined): string {
  const rows = Object.entries(table.schema.properties ?? {})
    .filter(([key]) => !table.sharedWith?.keys.has(key))
    .map(([key, schema]) => {
      const child = (suffix: string) =>
        suffix === "[]" && schema.items ? titleOfChild(schema.items) : suffix === "" ? titleOfChild(schema) : undefined;
      return `| ${code(key)} | ${cell(typeOf(schema, child))} | ${presenceOf(key, schema, table.schema)} | ${cell(rulesOf(schema))} | ${cell(schema.description ?? "")} |`;
    });
  if (table.sharedWith && table.sharedWith.keys.size > 0) {
    const keys = [...table.sharedWith.keys].map(code).join(", ");
    rows.push(`| every ${table.sharedWith.title} field | | optional | | ${keys}: set on the task, it wins over ${table.sharedWith.title} |`);
  }
  const unknownKeys = table.schema.additionalProperties === false ? "\n\nOther keys are rejected." : "";
  return [
    `### ${table.title[0]?.toUpperCase()}${table.title.slice(1)}`,
    "",
    "| key | type | presence | accepted values | meaning |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n") + unknownKeys;
}

/** Markdown field tables for the DAG file format, from its JSON Schema. */
export function renderFieldTables(root: JsonSchema): string {
  const tables = collectTables(root);
  const prefixes = new Map<Table, string>([[tables[0]!, ""]]);
  const queue = tables.slice(1);
  for (let i = 0; i < queue.length; i++) {
    const table = queue[i]!;
    for (const child of childTables(table, prefixes.get(table) ?? "")) {
      const same = tables.find((known) => known !== tables[0] && sameSchema(known.schema, child.schema));
      if (same) {
        same.title = `${same.title}, ${child.title}`;
        continue;
      }
      prefixes.set(child, child.title.replace(/^`|`$/g, "").replace(/\[\]$/, ""));
      tables.push(child);
      queue.push(child);
    }
  }
  const titleOfChild = (schema: JsonSchema) => tables.find((table) => table !== tables[0] && sameSchema(table.schema, schema))?.title;
  return tables.map((table) => renderTable(table, titleOfChild)).join("\n\n") + "\n";
}
