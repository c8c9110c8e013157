import { countRows, type Endpoint, type RequestVariant } from "./request-variants";
import { readTrpcBatchResult } from "./trpc-get-path";

export type RowCounts = Record<Endpoint, { requests: number; rows: number; minRows: number }>;

/**
 * Requests every variant once (4 at a time; this also warms the server up)
 * and throws unless each answers 200 with at least one row of real data, so
 * the load cannot end up measuring error pages or empty answers.
 */
export async function verifyVariants(baseUrl: string, cookie: string, variants: readonly RequestVariant[]): Promise<RowCounts> {
  const counts: RowCounts = {
    "runs.list": { requests: 0, rows: 0, minRows: Infinity },
    "runs.grid": { requests: 0, rows: 0, minRows: Infinity },
    "logs.forTask": { requests: 0, rows: 0, minRows: Infinity },
  };
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < variants.length) {
      const variant = variants[next++]!;
      const res = await fetch(`${baseUrl}${variant.path}`, { headers: { cookie } });
      const body = await res.text();
      const result = readTrpcBatchResult(body);
      const rows = result.ok ? countRows(variant.endpoint, result.data) : 0;
      if (res.status !== 200 || !result.ok || rows === 0) {
        failures.push(`${variant.label}: HTTP ${res.status}, ${result.ok ? `${rows} rows` : result.message}`);
        continue;
      }
      const c = counts[variant.endpoint];
      c.requests++;
      c.rows += rows;
      c.minRows = Math.min(c.minRows, rows);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${variants.length} request variants failed:\n${failures.slice(0, 10).join("\n")}`);
  }
  return counts;
}
