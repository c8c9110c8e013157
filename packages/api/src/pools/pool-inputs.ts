import { z } from "zod";

export const poolNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{1,100}$/, "Pool names are 1-100 characters of a-z, 0-9, _, . and -, e.g. gpu or warehouse_io");

export const poolSlotsSchema = z
  .number()
  .int("Slots must be a whole number")
  .min(0, "Slots cannot be negative (0 stops the pool's tasks from starting)")
  .max(100_000, "Pools are limited to 100000 slots");

export const poolDescriptionSchema = z.string().trim().max(500, "Descriptions are limited to 500 characters");
