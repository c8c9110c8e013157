import { z } from "zod";
import { dagFileSchema } from "./dag-file-schema";

/**
 * JSON Schema (draft 2020-12) of the DAG file format, generated from the zod
 * schema (input side: what a file may contain), for editor autocompletion.
 */
export const dagFileJsonSchema: Record<string, unknown> = z.toJSONSchema(dagFileSchema, {
  io: "input",
  target: "draft-2020-12",
  unrepresentable: "any",
}) as Record<string, unknown>;
