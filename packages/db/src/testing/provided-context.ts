// What the global setup hands to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** postgres://… URL of the "postgres" database on the run's shared test server (superuser). */
    updraftPgUrl: string;
  }
}

export {};
