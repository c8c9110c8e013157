/** Most files one deploy may carry. */
export const MAX_DEPLOY_FILES = 100;

/** Largest DAG file, in bytes of UTF-8: the DAG format's own limit. */
export { MAX_FILE_BYTES as MAX_DEPLOY_FILE_BYTES } from "@updraft/dag/limits";

/** Largest request body of a deploy, in bytes. */
export const MAX_DEPLOY_BODY_BYTES = 8 * 1024 * 1024;

/** Longest file name: the DAG format's own limit (the same as an upload in the UI). */
export { MAX_FILE_NAME_LENGTH as MAX_DEPLOY_FILE_NAME_LENGTH } from "@updraft/dag/limits";
