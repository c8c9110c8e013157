import { z } from "zod";

/** Validates `input` against `schema`, throwing an error that lists every problem in words. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new Error(`Invalid ${what}:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
