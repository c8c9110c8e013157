export { appRouter, createCaller, type AppRouter } from "./root-router";
export { createContextInner, type Context, type ContextInput, type SessionUser } from "./trpc/context";
export { verifyCredentials, WRONG_CREDENTIALS_MESSAGE, type VerifyCredentialsResult } from "./auth/verify-credentials";
export { createSession, SESSION_TTL_MS } from "./auth/create-session";
export { validateSession, type ValidSession } from "./auth/validate-session";
export { revokeSession } from "./auth/revoke-session";
export type { ProcedureMeta, AuditMeta, AuditInput } from "./trpc/procedure-meta";
export { REST_ROUTES, restRoute, type RestRoute, type RestRouteId, type RestAuth } from "./rest/rest-routes";
export {
  authorizeRestRequest,
  bearerTokenOf,
  type RestAuthorization,
  type RestCaller,
} from "./rest/authorize-rest-request";
export { exportAuditCsv, MAX_AUDIT_EXPORT_ROWS } from "./audit/export-audit-csv";
export { parseAuditQuery, auditFiltersSchema, type AuditFiltersInput } from "./audit/audit-filters";
export { mailerFromEnv, mailerOnTransport, NO_MAILER, type Mailer, type MailMessage } from "./mail/mailer";
export type { RunTaskView } from "./runs/get-run";
export type { LogChunk, TaskLogPage } from "./logs/read-task-log";
export type { DagListItem } from "./dags/list-dags";
export type { UploadDagResult } from "./dags/upload-dag";
export type { LayeredTaskNode } from "./dags/task-layers";
export type { RunGrid, GridRow, GridCell, GridRun } from "./runs/get-run-grid";
export type { RunGantt, GanttRow, GanttTry } from "./runs/get-run-gantt";
export type { TaskInstanceView, TaskTryView } from "./task-instances/get-task-instance";
export type { BackfillResult } from "./dags/backfill-dag";

// Platform services the web app's route handlers use: apps/web may import
// @updraft/api but not @updraft/platform (README, Architecture, "Package layering").
export { recordAuditEvent, verifyApiToken, type AuditActor, type AuditEventInput, type VerifyApiTokenResult } from "@updraft/platform";
export {
  deployDagFiles,
  MAX_DEPLOY_FILES,
  MAX_DEPLOY_FILE_BYTES,
  MAX_DEPLOY_BODY_BYTES,
  MAX_DEPLOY_FILE_NAME_LENGTH,
  type DeployDagFilesInput,
  type DeployActor,
  type DeployFile,
  type DeployFileError,
  type DeployResult,
  type DeployedFileResult,
  type NotStoredFileResult,
  type RejectedFileResult,
} from "@updraft/platform";
export { linkOAuthAccount, type LinkOAuthAccountInput, type LinkOAuthAccountResult, type LinkedUser } from "@updraft/platform";
export {
  readSecretKeyring,
  testSecretKeyring,
  SecretKeyError,
  TEST_SECRET_KEY,
  type SecretKeyring,
} from "@updraft/platform";
