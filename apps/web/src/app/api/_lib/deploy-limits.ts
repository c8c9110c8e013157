import { MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH, MAX_DEPLOY_FILES } from "@updraft/api";

export { MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH, MAX_DEPLOY_FILES };

/** "1 MiB", "8 MiB": sizes in the words of the limits (the DAG format's formatter). */
export { formatByteLimit as formatBytes } from "@updraft/dag/limits";
