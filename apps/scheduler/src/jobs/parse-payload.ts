import { jobPayloadSchemas, type JobName, type JobPayload } from "@updraft/engine";

/** Validates a job's payload; a malformed one fails the job with a clear error. */
export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  const parsed = jobPayloadSchemas[name].safeParse(payload ?? {});
  if (!parsed.success) {
    throw new Error(`Malformed ${name} job payload: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data as JobPayload<N>;
}
