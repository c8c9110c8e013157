/** One DAG file of a deploy, as sent by the client. */
export interface DeployFile {
  name: string;
  content: string;
}

/** Who deploys: a signed-in user or an API token (label "token ci-deploy"). */
export interface DeployActor {
  userId?: string;
  tokenId?: string;
  label: string;
}

/** One problem in one file; `text` is the `file:line:col path: message` line the UI shows. */
export interface DeployFileError {
  line: number;
  column: number;
  path: string;
  message: string;
  text: string;
}

export type DeployedFileResult = { file: string; ok: true; dagId: string; version: number; changed: boolean };
export type RejectedFileResult = { file: string; ok: false; errors: DeployFileError[] };
/** A valid file of a deploy that was refused because another file was rejected. */
export type NotStoredFileResult = { file: string; ok: true; dagId: string; stored: false };

export type DeployResult =
  | { ok: true; results: DeployedFileResult[] }
  | { ok: false; results: Array<RejectedFileResult | NotStoredFileResult> };
