/**
 * Largest accepted DAG file, in bytes of UTF-8: the one limit for parsing, uploads
 * in the UI, tRPC inputs and deploys (a dependency-free module, so the web client
 * bundle imports it as `@updraft/dag/limits`).
 */
export const MAX_FILE_BYTES = 1_048_576;

/** "1 MiB", "8 MiB", "1.5 MiB", "900 KiB": a byte limit in the words its messages use. */
export function formatByteLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/** The DAG file size limit as users read it ("1 MiB"), derived from MAX_FILE_BYTES. */
export const FILE_SIZE_LIMIT_TEXT = formatByteLimit(MAX_FILE_BYTES);

/**
 * Longest DAG file name, in characters after trimming: the one limit for uploads
 * in the UI, tRPC inputs and deploys.
 */
export const MAX_FILE_NAME_LENGTH = 255;

/** Most tasks one DAG may declare. */
export const MAX_TASKS = 1_000;

/**
 * yaml's `maxAliasCount`: how often one anchor may be expanded (weighted by the
 * aliases nested inside it). Large enough for every task of a 1,000-task DAG to
 * reuse one anchor, small enough to stop "billion laughs" documents.
 */
export const MAX_ALIAS_COUNT = 1_000;

/**
 * Upper bound on values after alias expansion. A 1 MiB file without aliases
 * cannot hold more than about half a million values, so only alias expansion
 * gets near this.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** Longest id (dag_id, task_id). */
export const MAX_ID_LENGTH = 200;
