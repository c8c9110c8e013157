// The esbuild settings both container entry bundles share (apps/scheduler/scripts/bundle.mjs,
// apps/web/scripts/bundle-server.mjs): one ESM file per entry for Node 20, with the CommonJS
// globals that bundled CommonJS dependencies expect.

/** @type {import("esbuild").BuildOptions} */
export const nodeBundleOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: {
    // CommonJS dependencies call require(), __filename and __dirname; ESM output has none of them.
    js: [
      'import { createRequire as __updraftCreateRequire } from "node:module";',
      'import { fileURLToPath as __updraftFileURLToPath } from "node:url";',
      'import { dirname as __updraftDirname } from "node:path";',
      "const require = __updraftCreateRequire(import.meta.url);",
      "const __filename = __updraftFileURLToPath(import.meta.url);",
      "const __dirname = __updraftDirname(__filename);",
    ].join("\n"),
  },
  logLevel: "warning",
  metafile: true,
  legalComments: "none",
};
