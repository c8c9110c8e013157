import { z } from "zod";
import { REFERENCE_NAME_PATTERN, SECRET_NAME_MESSAGE } from "./names";

export const MAX_SECRET_VALUE_CHARS = 64 * 1024;

export const secretNameSchema = z.string({ error: SECRET_NAME_MESSAGE }).trim().regex(REFERENCE_NAME_PATTERN, SECRET_NAME_MESSAGE);

export const secretValueSchema = z
  .string({ error: "The secret's value must be text." })
  .min(1, "The secret's value cannot be empty.")
  .max(MAX_SECRET_VALUE_CHARS, `Secret values are limited to ${MAX_SECRET_VALUE_CHARS} characters.`);

export const secretDescriptionSchema = z
  .string({ error: "The description must be text." })
  .max(1000, "The description is limited to 1000 characters.")
  .transform((v) => v.trim())
  .transform((v) => (v === "" ? null : v))
  .nullish();
