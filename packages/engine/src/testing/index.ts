// @updraft/engine/testing: helpers for database tests of the engine and of the packages above it.
export * from "./engine-test-kit";
export { ensureJobQueue } from "./ensure-job-queue";
