import { dagFileJsonSchema } from "@updraft/dag";

/**
 * The DAG file format v1 as JSON Schema, for editor autocompletion, e.g. a
 * first line `# yaml-language-server: $schema=<updraft>/api/v1/dag-file-schema.json`.
 * Public: the format is not tenant data.
 */
export function GET(): Response {
  return Response.json(dagFileJsonSchema, {
    headers: { "cache-control": "public, max-age=3600", "access-control-allow-origin": "*" },
  });
}
