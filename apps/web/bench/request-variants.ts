import { trpcGetPath } from "./trpc-get-path";

/** The three endpoints the bench drives, as the UI calls them. */
export const ENDPOINTS = ["runs.list", "runs.grid", "logs.forTask"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface RequestVariant {
  endpoint: Endpoint;
  path: string;
  /** What the variant asks for, for messages. */
  label: string;
}

export interface VariantTargets {
  tenantSlug: string;
  /** dag_ids to spread runs.list and runs.grid over. */
  dagIds: readonly string[];
  /** Tries that have stored log lines. */
  loggedTries: ReadonlyArray<{ taskInstanceId: string; tryNumber: number }>;
}

/**
 * `perEndpoint` requests of each endpoint with the inputs the UI sends: the
 * Runs tab (`runs.list`, limit 50), the Grid (`runs.grid`, limit 25) and the
 * log panel's first page of a try (`logs.forTask` with its try number, no
 * cursor). DAGs and tries are taken in turn, so the variants spread over
 * min(perEndpoint, targets) different ones. Interleaved: list, grid, log, list, …
 */
export function buildRequestVariants(targets: VariantTargets, perEndpoint: number): RequestVariant[] {
  if (targets.dagIds.length === 0 || targets.loggedTries.length === 0) throw new Error("no DAGs or logged tries to request");
  const variants: RequestVariant[] = [];
  for (let i = 0; i < perEndpoint; i++) {
    const dagId = targets.dagIds[i % targets.dagIds.length]!;
    const gridDagId = targets.dagIds[(i + Math.floor(targets.dagIds.length / 2)) % targets.dagIds.length]!;
    const logged = targets.loggedTries[i % targets.loggedTries.length]!;
    variants.push(
      {
        endpoint: "runs.list",
        path: trpcGetPath("runs.list", { tenantSlug: targets.tenantSlug, dagId, limit: 50 }),
        label: `runs.list ${dagId}`,
      },
      {
        endpoint: "runs.grid",
        path: trpcGetPath("runs.grid", { tenantSlug: targets.tenantSlug, dagId: gridDagId, limit: 25 }),
        label: `runs.grid ${gridDagId}`,
      },
      {
        endpoint: "logs.forTask",
        path: trpcGetPath("logs.forTask", {
          tenantSlug: targets.tenantSlug,
          taskInstanceId: logged.taskInstanceId,
          tryNumber: logged.tryNumber,
        }),
        label: `logs.forTask ${logged.taskInstanceId} try ${logged.tryNumber}`,
      },
    );
  }
  return variants;
}

/** How many rows of real data a successful answer of `endpoint` holds (runs, grid cells, log chunks). */
export function countRows(endpoint: Endpoint, data: unknown): number {
  const value = data as Record<string, unknown> | unknown[] | null;
  switch (endpoint) {
    case "runs.list":
      return Array.isArray(value) ? value.length : 0;
    case "runs.grid": {
      const rows = (value as { rows?: Array<{ cells?: unknown[] }> } | null)?.rows ?? [];
      return rows.reduce((sum, row) => sum + (row.cells ?? []).filter((c) => c !== null).length, 0);
    }
    case "logs.forTask": {
      const chunks = (value as { chunks?: unknown[] } | null)?.chunks;
      return Array.isArray(chunks) ? chunks.length : 0;
    }
  }
}
