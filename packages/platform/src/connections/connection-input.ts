import { z } from "zod";
import { CONN_TYPE_MESSAGE, CONN_TYPE_PATTERN, CONNECTION_ID_MESSAGE, REFERENCE_NAME_PATTERN } from "./names";

export const MAX_EXTRA_CHARS = 64 * 1024;
export const MAX_PASSWORD_CHARS = 16 * 1024;

/** An optional text field: "" (an emptied form field) means none. */
function optionalText(label: string, max: number, trim = true) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, `${label} is limited to ${max} characters.`)
    .transform((v) => (trim ? v.trim() : v))
    .transform((v) => (v === "" ? null : v))
    .nullish();
}

export const connIdSchema = z.string({ error: CONNECTION_ID_MESSAGE }).trim().regex(REFERENCE_NAME_PATTERN, CONNECTION_ID_MESSAGE);

export const connTypeSchema = z
  .string({ error: CONN_TYPE_MESSAGE })
  .trim()
  .regex(CONN_TYPE_PATTERN, CONN_TYPE_MESSAGE);

export const portSchema = z
  .number({ error: "The port must be a number from 1 to 65535, e.g. 5432." })
  .int("The port must be a whole number from 1 to 65535, e.g. 5432.")
  .min(1, "The port must be a number from 1 to 65535, e.g. 5432.")
  .max(65535, "The port must be a number from 1 to 65535, e.g. 5432.")
  .nullish();

/** Extra: a JSON object, given as an object or as JSON text (a form's text area). */
export const extraSchema = z
  .union([z.record(z.string(), z.unknown()), z.string()], { error: 'Extra must be a JSON object, e.g. {"sslmode": "require"}.' })
  .nullish()
  .transform((value, ctx): Record<string, unknown> | null | undefined => {
    if (value === undefined || value === null) return value;
    let parsed: unknown = value;
    if (typeof value === "string") {
      if (value.trim() === "") return null;
      try {
        parsed = JSON.parse(value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `Extra is not valid JSON (${(error as Error).message}); write a JSON object, e.g. {"sslmode": "require"}.`,
        });
        return z.NEVER;
      }
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      ctx.addIssue({ code: "custom", message: 'Extra must be a JSON object, e.g. {"sslmode": "require"}, not a list or a single value.' });
      return z.NEVER;
    }
    const json = JSON.stringify(parsed);
    if (json.length > MAX_EXTRA_CHARS) {
      ctx.addIssue({ code: "custom", message: `Extra is limited to ${MAX_EXTRA_CHARS} characters of JSON; it has ${json.length}.` });
      return z.NEVER;
    }
    const object = parsed as Record<string, unknown>;
    return Object.keys(object).length === 0 ? null : object;
  });

/** A password to set: null clears it, undefined keeps it. */
export const passwordSchema = z
  .string({ error: "The password must be text." })
  .min(1, "The password cannot be empty: leave it out to keep the current one, or clear it.")
  .max(MAX_PASSWORD_CHARS, `Passwords are limited to ${MAX_PASSWORD_CHARS} characters.`)
  .nullish();

export const connectionFieldsSchema = z.object({
  connType: connTypeSchema,
  description: optionalText("The description", 1000),
  host: optionalText("The host", 1000),
  port: portSchema,
  login: optionalText("The login", 1000, false),
  password: passwordSchema,
  schema: optionalText("The schema", 1000),
  extra: extraSchema,
});

/** What the Connections form (or a URI import) sends. */
export type ConnectionInput = z.input<typeof connectionFieldsSchema> & { connId: string };

export const createConnectionSchema = connectionFieldsSchema.extend({ connId: connIdSchema });

/** An edit: every field optional (undefined keeps it, null clears it; connType cannot be cleared). */
export const connectionChangesSchema = connectionFieldsSchema.partial();
export type ConnectionChanges = z.input<typeof connectionChangesSchema>;
