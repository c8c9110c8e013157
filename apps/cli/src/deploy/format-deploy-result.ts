interface FileError {
  text: string;
}

type FileResult =
  | { file: string; ok: true; dagId: string; version: number; changed: boolean }
  | { file: string; ok: true; dagId: string; stored: false }
  | { file: string; ok: false; errors: FileError[] };

export interface DeployBody {
  ok: boolean;
  results: FileResult[];
}

/** Whether an answer body is the endpoint's per-file result (200 or 422). */
export function isDeployBody(body: unknown): body is DeployBody {
  const b = body as DeployBody | null;
  return typeof b === "object" && b !== null && typeof b.ok === "boolean" && Array.isArray(b.results);
}

/**
 * One line per file: `✓ etl.yaml → etl version 3`, or the error texts of a
 * rejected file (`ml.yaml:7:18 tasks[1].depends_on[0]: …`, the web app's
 * format, one line each), or `· etl.yaml → etl is valid (not stored: another
 * file was rejected)`.
 */
export function formatDeployResult(body: DeployBody): string[] {
  const lines: string[] = [];
  for (const result of body.results) {
    if (!result.ok) {
      // Exactly the web app's `file:line:col path: message`, so CI problem matchers pick them up.
      for (const error of result.errors) lines.push(error.text);
    } else if ("stored" in result) {
      lines.push(`· ${result.file} → ${result.dagId} is valid (not stored: another file was rejected)`);
    } else {
      lines.push(`✓ ${result.file} → ${result.dagId} version ${result.version}${result.changed ? "" : " (unchanged)"}`);
    }
  }
  return lines;
}
