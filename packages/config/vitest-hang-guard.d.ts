/** See vitest-hang-guard.js. */
export declare const vitestHangGuard: { testTimeout: number; hookTimeout: number };

/** See vitest-hang-guard.js. */
export declare function postgresWorkspaceTest(): {
  include: string[];
  globalSetup: string[];
  testTimeout: number;
  hookTimeout: number;
};
