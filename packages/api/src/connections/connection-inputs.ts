import { z } from "zod";

// Shapes only: the engine's services validate the values and explain what is wrong.

/** An emptied form field: "" means "no password" (create) or "keep it" (update). */
const passwordField = z
  .string()
  .nullish()
  .transform((v) => (v === "" ? undefined : v));

export const connIdInput = z.string().max(1000);

export const connectionFieldsInput = z.object({
  connType: z.string().max(1000),
  description: z.string().nullish(),
  host: z.string().nullish(),
  port: z.number().nullish(),
  login: z.string().nullish(),
  schema: z.string().nullish(),
  /** A JSON object, or JSON text from a text area. */
  extra: z.union([z.record(z.string(), z.unknown()), z.string()]).nullish(),
  password: passwordField,
});

export const createConnectionInput = connectionFieldsInput.extend({ connId: connIdInput });

/** Undefined keeps a field, null clears it; `password: null` clears the password. */
export const updateConnectionInput = z.object({ connId: connIdInput, changes: connectionFieldsInput.partial() });

export const importConnectionInput = z.object({ connId: connIdInput, uri: z.string().max(100_000), description: z.string().nullish() });
