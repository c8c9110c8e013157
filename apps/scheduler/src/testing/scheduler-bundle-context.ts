// What scheduler-bundle-global-setup.ts hands to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** The bundled scheduler entry built for this test run (node <it> starts a replica). */
    updraftSchedulerMain: string;
  }
}

export {};
