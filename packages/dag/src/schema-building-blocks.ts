// Small zod building blocks for the DAG file schema: each carries the user-facing message
// ("expected …") and the description the JSON Schema and the format reference show.
import { z } from "zod";
import { DURATION_HINT, durationToSeconds, isDuration } from "./parse-duration";

export const pattern = (regex: RegExp, message: string, description?: string) =>
  z
    .string({ error: message })
    .regex(regex, { error: message })
    .meta(description === undefined ? {} : { description });

export const wholeNumber = (min: number | undefined, message: string) => {
  const base = z.int({ error: message });
  return min === undefined ? base : base.min(min, { error: message });
};

export const bool = (description: string) => z.boolean({ error: "expected true or false" }).meta({ description });

/** A string, number or boolean, turned into a string (`sleep 5` -> ["sleep", "5"]). */
export const scalarText = (message: string) =>
  z.union([z.string(), z.number(), z.boolean()], { error: message }).transform((value) => String(value));

export const stringList = (listMessage: string, itemMessage: string) =>
  z.array(scalarText(itemMessage), { error: listMessage });

export const duration = (description: string) => {
  const message = `expected ${DURATION_HINT}`;
  return z
    .union([z.string(), z.number()], { error: message })
    .refine((value) => isDuration(value), { error: `expected ${DURATION_HINT}, greater than 0` })
    .transform((value) => durationToSeconds(value))
    .meta({ description });
};

export const nullableDuration = (description: string) => {
  const message = `expected ${DURATION_HINT}, or null`;
  return z
    .union([z.string(), z.number(), z.null()], { error: message })
    .refine((value) => value === null || isDuration(value), { error: `expected ${DURATION_HINT}, greater than 0, or null` })
    .transform((value) => (value === null ? null : durationToSeconds(value)))
    .meta({ description });
};
