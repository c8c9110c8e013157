import { MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH, MAX_DEPLOY_FILES } from "@updraft/api";

export { MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILE_NAME_LENGTH, MAX_DEPLOY_FILES };

/** "1 MiB", "8 MiB", "1.5 MiB", "900 KiB": sizes in the words of the limits. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
