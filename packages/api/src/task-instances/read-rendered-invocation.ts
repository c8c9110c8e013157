import { z } from "zod";

const argvSchema = z.array(z.string());
const invocationSchema = z.object({ command: argvSchema.default([]), args: argvSchema.default([]) });
const envSchema = z.record(z.string(), z.string());

/**
 * The argv a try ran, from `task_tries.rendered_command`: either the argv
 * itself or `{command, args}` (joined, the way the executor runs them).
 * Null when nothing was recorded (the try never launched).
 */
export function readRenderedCommand(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  const argv = argvSchema.safeParse(value);
  if (argv.success) return argv.data;
  const invocation = invocationSchema.safeParse(value);
  if (invocation.success) return [...invocation.data.command, ...invocation.data.args];
  return null;
}

/** The env a try ran with, from `task_tries.rendered_env`; null when nothing was recorded. */
export function readRenderedEnv(value: unknown): Record<string, string> | null {
  const env = envSchema.safeParse(value);
  return env.success ? env.data : null;
}
