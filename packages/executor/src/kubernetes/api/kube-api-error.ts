import { ApiException } from "@kubernetes/client-node";

/** What the API server said when a request failed. */
export interface KubeFailure {
  code: number;
  /** Status reason: NotFound, AlreadyExists, Conflict, Forbidden, Invalid, TooManyRequests… */
  reason?: string;
  message: string;
  retryAfterSeconds?: number;
}

interface StatusBody {
  reason?: string;
  message?: string;
  details?: { retryAfterSeconds?: number };
}

function parseBody(body: unknown): StatusBody | undefined {
  if (typeof body === "object" && body !== null) return body as StatusBody;
  if (typeof body !== "string" || body === "") return undefined;
  try {
    return JSON.parse(body) as StatusBody;
  } catch {
    return { message: body };
  }
}

/** The API server's answer inside an error from @kubernetes/client-node; undefined for network errors. */
export function kubeFailureOf(error: unknown): KubeFailure | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const body = parseBody(error.body);
  const headers = (error.headers ?? {}) as Record<string, string>;
  const retryHeader = headers["retry-after"] ?? headers["Retry-After"];
  const retryAfter = retryHeader !== undefined ? Number(retryHeader) : body?.details?.retryAfterSeconds;
  return {
    code: error.code,
    ...(body?.reason ? { reason: body.reason } : {}),
    message: body?.message ?? `HTTP ${error.code}`,
    ...(retryAfter !== undefined && Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
  };
}

export const isNotFound = (error: unknown) => kubeFailureOf(error)?.code === 404;
export const isAlreadyExists = (error: unknown) => {
  const failure = kubeFailureOf(error);
  return failure?.code === 409 && failure.reason !== "Conflict";
};
export const isConflict = (error: unknown) => {
  const failure = kubeFailureOf(error);
  return failure?.code === 409 && failure.reason === "Conflict";
};
/** The ResourceQuota admission rejected the object: it would not fit the namespace's quota right now. */
export const isQuotaExceeded = (error: unknown) => {
  const failure = kubeFailureOf(error);
  return failure?.code === 403 && /exceeded quota/.test(failure.message);
};

const RETRYABLE_CODES = new Set([429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "EHOSTUNREACH"]);

/** Worth trying again: throttling, server errors and dropped connections. */
export function isRetryable(error: unknown): boolean {
  const failure = kubeFailureOf(error);
  if (failure) return RETRYABLE_CODES.has(failure.code);
  const { name, code, type } = (error ?? {}) as { name?: string; code?: string; type?: string };
  return name === "FetchError" || type === "system" || (code !== undefined && NETWORK_CODES.has(code));
}

/** One line for logs and failure reasons. */
export function describeKubeError(error: unknown): string {
  const failure = kubeFailureOf(error);
  if (failure) return `${failure.code}${failure.reason ? ` ${failure.reason}` : ""}: ${failure.message}`;
  return error instanceof Error ? error.message : String(error);
}
