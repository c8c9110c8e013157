/** See vitest-hang-guard.js. */
export declare const vitestHangGuard: {
  testTimeout: number;
  hookTimeout: number;
  expect: { poll: { timeout: number; interval: number } };
};

/** See vitest-hang-guard.js. */
export declare function postgresWorkspaceTest(): {
  include: string[];
  globalSetup: string[];
  testTimeout: number;
  hookTimeout: number;
  expect: { poll: { timeout: number; interval: number } };
};
