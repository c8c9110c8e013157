import { badRequest, KubeStatusError } from "./kube-status";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** RFC 7386 JSON merge patch (the double also applies strategic-merge patches this way). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

interface JsonPatchOperation {
  op: "add" | "remove" | "replace" | "test" | "move" | "copy";
  path: string;
  value?: unknown;
  from?: string;
}

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw badRequest(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function parentOf(document: unknown, tokens: string[]): { parent: unknown; last: string } {
  let node = document;
  for (const token of tokens.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) throw new KubeStatusError(422, "Invalid", `the JSON patch path does not exist: /${tokens.join("/")}`);
  }
  return { parent: node, last: tokens.at(-1) ?? "" };
}

function read(document: unknown, tokens: string[]): unknown {
  let node = document;
  for (const token of tokens) node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
  return node;
}

/** RFC 6902 JSON patch (the client's default patch type). */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest("a JSON patch must be a list of operations");
  const document: { root: unknown } = { root: structuredClone(target) };
  for (const operation of operations as JsonPatchOperation[]) {
    const tokens = ["root", ...pointer(operation.path)];
    const { parent, last } = parentOf(document, tokens);
    const value = operation.op === "move" || operation.op === "copy" ? read(document.root, pointer(operation.from ?? "")) : operation.value;
    if (operation.op === "test") {
      if (JSON.stringify(read(document, tokens)) !== JSON.stringify(operation.value)) {
        throw new KubeStatusError(422, "Invalid", `the JSON patch test failed at ${operation.path}`);
      }
      continue;
    }
    if (operation.op === "move") applyJsonPatchRemove(document, ["root", ...pointer(operation.from ?? "")]);
    if (operation.op === "remove") {
      applyJsonPatchRemove(document, tokens);
      continue;
    }
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last);
      if (operation.op === "replace") parent[index] = structuredClone(value);
      else parent.splice(index, 0, structuredClone(value));
    } else if (isObject(parent)) {
      parent[last] = structuredClone(value) as Json;
    } else {
      throw new KubeStatusError(422, "Invalid", `cannot apply the JSON patch at ${operation.path}`);
    }
  }
  return document.root;
}

function applyJsonPatchRemove(document: { root: unknown }, tokens: string[]): void {
  const { parent, last } = parentOf(document, tokens);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
}
