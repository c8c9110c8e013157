// Connections and secrets (README, design decisions D7-D9).
export {
  REFERENCE_NAME_PATTERN,
  CONN_TYPE_PATTERN,
  CONNECTION_ID_MESSAGE,
  SECRET_NAME_MESSAGE,
  CONN_TYPE_MESSAGE,
  connectionEnvNames,
  secretEnvName,
} from "./names";
export { type ConnectionInput, type ConnectionChanges, MAX_EXTRA_CHARS, MAX_PASSWORD_CHARS } from "./connection-input";
export { parseConnectionUri, connectionToUri, REDACTED_PASSWORD, type ConnectionUriFields } from "./connection-uri";
export type { ConnectionView } from "./connection-view";
export { SecretPermissionError } from "./secret-permission-error";
export { listConnections } from "./list-connections";
export { getConnection } from "./get-connection";
export { createConnection } from "./create-connection";
export { updateConnection } from "./update-connection";
export { deleteConnection } from "./delete-connection";
export { importConnectionUri } from "./import-connection-uri";
export type { SecretView } from "./secret-view";
export { MAX_SECRET_VALUE_CHARS } from "./secret-input";
export { listSecrets } from "./list-secrets";
export { setSecret } from "./set-secret";
export { deleteSecret } from "./delete-secret";
export { loadTenantSecretMaterial, type TenantSecretMaterial } from "./load-tenant-secret-material";
export { tenantSecretEnv, resolveTaskSecretEnv, type TaskSecretEnv } from "./task-secret-env";
export { loadTenantMaskValues } from "./load-tenant-mask-values";
export { createLogMasker, maskText, MIN_MASK_LENGTH, MASK, type LogMasker } from "./log-masker";
