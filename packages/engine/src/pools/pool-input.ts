import { z } from "zod";
import { UserError } from "../user-error";

export const poolInputSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9_.-]{1,100}$/, "Pool names are 1-100 characters of a-z, 0-9, _, . and -, e.g. gpu or warehouse_io."),
  slots: z
    .number()
    .int("A pool's slots must be a whole number.")
    .min(0, "A pool's slots cannot be negative (0 holds its tasks back).")
    .max(100_000, "A pool has at most 100000 slots."),
  description: z.string().max(500, "Pool descriptions are limited to 500 characters.").nullish(),
});

/** Validates a pool name (and slots), throwing a UserError that says what is wrong. */
export function parsePoolInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}
