import { FILE_SIZE_LIMIT_TEXT, MAX_FILE_BYTES, MAX_FILE_NAME_LENGTH } from "@updraft/dag/limits";
import { z } from "zod";

export const dagIdSchema = z.string().trim().min(1, "Give a dag_id").max(200);

export const dagFileNameSchema = z
  .string()
  .trim()
  .min(1, "Give the file a name, e.g. dag.yaml")
  .max(MAX_FILE_NAME_LENGTH, `File names are limited to ${MAX_FILE_NAME_LENGTH} characters`);

export const dagSourceSchema = z
  .string()
  .min(1, "The DAG file is empty; paste or choose a YAML or JSON DAG file")
  .max(MAX_FILE_BYTES, `DAG files are limited to ${FILE_SIZE_LIMIT_TEXT}`)
  .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_FILE_BYTES, {
    message: `DAG files are limited to ${FILE_SIZE_LIMIT_TEXT}; split this DAG or shrink the file`,
  });

export const triggerConfSchema = z.record(z.string(), z.unknown());

/** A calendar date (read in the DAG's time zone) or an ISO 8601 instant with an offset. */
export const backfillDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "Give a date like 2025-01-31 (or an ISO 8601 instant like 2025-01-31T06:00:00Z)",
});
