export { deployDagFiles, type DeployDagFilesInput } from "./deploy-dag-files";
export {
  MAX_DEPLOY_FILES,
  MAX_DEPLOY_FILE_BYTES,
  MAX_DEPLOY_BODY_BYTES,
  MAX_DEPLOY_FILE_NAME_LENGTH,
} from "./deploy-limits";
export type {
  DeployActor,
  DeployFile,
  DeployFileError,
  DeployResult,
  DeployedFileResult,
  NotStoredFileResult,
  RejectedFileResult,
} from "./deploy-types";
