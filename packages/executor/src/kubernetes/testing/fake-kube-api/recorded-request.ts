/** One request the double received, for assertions (RBAC coverage, "no writes", "no 422"). */
export interface RecordedRequest {
  /** Date.now() when it arrived. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
  /** "" for the core group. */
  group: string;
  /** With subresource, as RBAC names it: "pods/log". */
  resource: string;
  namespace?: string;
  name?: string;
  status: number;
  /** The response's Status message for failures. */
  message?: string;
  body?: unknown;
}

export const WRITE_VERBS = new Set(["create", "update", "patch", "delete", "deletecollection"]);
