import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RequestHandler } from "./create-web-server";

export interface NextApp {
  handle: RequestHandler;
  close(): Promise<void>;
}

/**
 * Prepares the production Next app in `dir` and returns its request handler.
 * Like the standalone server.js, it runs with the config the build recorded
 * (`.next/required-server-files.json`, via `__NEXT_PRIVATE_STANDALONE_CONFIG`):
 * the standalone tree has no next.config.ts to load, and a local build starts
 * faster without compiling it again. `next` is imported only now, after
 * NODE_ENV is set, as React picks its production build when first loaded.
 */
export async function loadNextHandler(options: { dir: string; hostname?: string; port: number }): Promise<NextApp> {
  const { dir } = options;
  (process.env as Record<string, string | undefined>).NODE_ENV ||= "production";
  let conf: Record<string, unknown> | undefined;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, ".next", "required-server-files.json"), "utf8")) as { config?: Record<string, unknown> };
    conf = manifest.config;
  } catch {
    conf = undefined; // Not built, or an older layout: next() loads next.config.ts itself.
  }
  if (conf) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
  const { default: next } = await import("next");
  const app = next({
    dev: false,
    dir,
    hostname: options.hostname ?? "localhost",
    port: options.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return { handle: (req, res) => handle(req, res), close: () => app.close() };
}
