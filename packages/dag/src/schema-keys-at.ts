import type { z } from "zod";

type AnySchema = z.core.$ZodType;

/** Peels optional/nullable/default/pipe wrappers off a schema. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault") {
      current = def.innerType as AnySchema;
    } else if (def.type === "pipe") {
      current = def.in as AnySchema;
    } else return current;
  }
  return current;
}

/** Keys the object schema found at `path` inside `schema` accepts ([] when it is not an object). */
export function schemaKeysAt(schema: AnySchema, path: ReadonlyArray<PropertyKey>): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
    if (def.type === "object") {
      const shape = def.shape as Record<string, AnySchema>;
      const next = Object.prototype.hasOwnProperty.call(shape, String(segment)) ? shape[String(segment)] : undefined;
      if (next === undefined) return [];
      current = unwrap(next);
    } else if (def.type === "array") {
      current = unwrap(def.element as AnySchema);
    } else if (def.type === "record") {
      current = unwrap(def.valueType as AnySchema);
    } else return [];
  }
  const def = current._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  return def.type === "object" ? Object.keys(def.shape as Record<string, unknown>) : [];
}
