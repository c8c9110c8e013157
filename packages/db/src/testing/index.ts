import "./provided-context";

export { useTestDatabase, requireTestPostgresUrl, type TestDatabase } from "./use-test-database";
export { startTestPostgres, type TestPostgres } from "./start-test-postgres";
export { createScratchDatabase, TEMPLATE_DATABASE, type ScratchDatabase } from "./scratch-database";
