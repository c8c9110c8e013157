import { z } from "zod";
import { formatBytes, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH, MAX_DEPLOY_FILES } from "./deploy-limits";

/** Where the DAG file format's JSON Schema is served, relative to /api/v1/openapi.json. */
export const DAG_FILE_SCHEMA_PATH = "/api/v1/dag-file-schema.json";

export const deployFileSchema = z.object({
  name: z.string().meta({ description: `File name, e.g. etl.yaml (1–${MAX_DEPLOY_FILE_NAME_LENGTH} characters); errors name it`, example: "etl.yaml" }),
  content: z.string().meta({
    description: `The DAG file's text, YAML or JSON, at most ${formatBytes(MAX_DEPLOY_FILE_BYTES)} of UTF-8. Format: ${DAG_FILE_SCHEMA_PATH}`,
    contentMediaType: "application/yaml",
    example: "dag_id: etl\nschedule: \"@daily\"\nstart_date: 2025-01-01\ntasks:\n  - task_id: extract\n    command: [echo, hi]\n",
  }),
});

/** The JSON form of a deploy: `{ "files": [{ "name": "etl.yaml", "content": "…" }] }`. */
export const deployJsonBodySchema = z.object({
  // Counts are checked by the handler (400 for none, 413 for too many), so they are only documented here.
  files: z.array(deployFileSchema).meta({ description: `1 to ${MAX_DEPLOY_FILES} DAG files`, minItems: 1, maxItems: MAX_DEPLOY_FILES }),
});

export const deployFileErrorSchema = z.object({
  line: z.number().int().min(1).meta({ description: "1-based line" }),
  column: z.number().int().min(1).meta({ description: "1-based column" }),
  path: z.string().meta({ description: 'Field path like tasks[1].depends_on[0]; "(file)" for the file as a whole' }),
  message: z.string(),
  text: z.string().meta({ description: "The whole error as the UI shows it: file:line:col path: message" }),
});

export const deployedFileSchema = z.object({
  file: z.string(),
  ok: z.literal(true),
  dagId: z.string(),
  version: z.number().int().min(1).meta({ description: "The DAG's current version after the deploy" }),
  changed: z.boolean().meta({ description: "false when the file was identical to the current version (nothing new stored)" }),
});

export const rejectedFileSchema = z.object({
  file: z.string(),
  ok: z.literal(false),
  errors: z.array(deployFileErrorSchema),
});

export const notStoredFileSchema = z.object({
  file: z.string(),
  ok: z.literal(true),
  dagId: z.string(),
  stored: z.literal(false).meta({ description: "The file is valid but was not stored because another file was rejected" }),
});

export const deploySuccessSchema = z.object({
  ok: z.literal(true),
  results: z.array(deployedFileSchema),
});

export const deployRejectedSchema = z.object({
  ok: z.literal(false),
  results: z.array(z.union([rejectedFileSchema, notStoredFileSchema])),
});

export const apiErrorSchema = z.object({
  ok: z.literal(false),
  error: z.string().meta({ description: "What was wrong and how to fix it" }),
});
