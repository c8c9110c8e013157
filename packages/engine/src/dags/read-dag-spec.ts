import type { DagSpec } from "@updraft/dag";
import type { Prisma } from "@updraft/db";

/** The parsed spec stored with a DAG version (validated at upload time). */
export function readDagSpec(json: Prisma.JsonValue): DagSpec {
  return json as unknown as DagSpec;
}
