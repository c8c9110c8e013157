/** A Kubernetes `Status` failure, thrown inside the double and written as the response body. */
export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

export const notFound = (resource: string, name: string) =>
  new KubeStatusError(404, "NotFound", `${resource} "${name}" not found`, { name, kind: resource });

export const alreadyExists = (resource: string, group: string, name: string) =>
  new KubeStatusError(409, "AlreadyExists", `${resource}${group ? `.${group}` : ""} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });

export const conflict = (resource: string, name: string) =>
  new KubeStatusError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: resource },
  );

export const forbidden = (resource: string, name: string, why: string) =>
  new KubeStatusError(403, "Forbidden", `${resource} "${name}" is forbidden: ${why}`, { name, kind: resource });

export interface InvalidCause {
  field: string;
  message: string;
}

export const invalid = (kind: string, name: string, causes: InvalidCause[]) =>
  new KubeStatusError(
    422,
    "Invalid",
    `${kind} "${name}" is invalid: ${causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(", ")}`,
    { name, kind, causes: causes.map((c) => ({ reason: "FieldValueInvalid", message: c.message, field: c.field })) },
  );

export const badRequest = (message: string) => new KubeStatusError(400, "BadRequest", message);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new KubeStatusError(
    429,
    "TooManyRequests",
    "Too many requests, please try again later.",
    { retryAfterSeconds },
    { "Retry-After": String(retryAfterSeconds) },
  );

export const internalError = (message = "Internal error occurred: injected fault") =>
  new KubeStatusError(500, "InternalError", message, { causes: [{ message }] });

export const serviceUnavailable = () => new KubeStatusError(503, "ServiceUnavailable", "the server is currently unable to handle the request");

export const expired = (requested: string, oldest: number) =>
  new KubeStatusError(410, "Expired", `too old resource version: ${requested} (${oldest})`);
