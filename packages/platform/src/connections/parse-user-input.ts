import type { z } from "zod";
import { UserError } from "@updraft/engine";

/** Validates with `schema`, throwing one UserError that lists every problem in words. */
export function parseUserInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const field = issue.path.join(".");
    // Our own messages are whole sentences; zod's generic ones need the field.
    return issue.code === "invalid_type" && field ? `${field}: ${issue.message}.` : issue.message;
  });
  throw new UserError([...new Set(messages)].join(" "));
}
