export {
  startEmbeddedPostgres,
  DEFAULT_EMBEDDED_PORT,
  EMBEDDED_DATABASE,
  type StartEmbeddedPostgresOptions,
  type EmbeddedPostgres,
} from "./start-embedded-postgres";
export { startPostgresCluster, type PostgresCluster, type PostgresClusterOptions } from "./start-postgres-cluster";
export { PortInUseError, findFreePort, isPortFree } from "./ports";
export { postgresUrl, withDatabase } from "./postgres-url";
