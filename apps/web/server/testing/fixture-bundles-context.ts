// What fixture-bundles-global-setup.ts hands to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** The folder with this test run's bundled server fixtures (`<fixture>.mjs`). */
    updraftWebFixtureBundles: string;
  }
}

export {};
