import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The app's route patterns from the build (`<distDir>/app-path-routes-manifest.json`,
 * e.g. "/t/[slug]/dags/[dagId]"), or [] when the build has none.
 */
export function readRoutePatterns(distDir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(distDir, "app-path-routes-manifest.json"), "utf8");
  } catch {
    return [];
  }
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return Object.values(manifest).filter((value): value is string => typeof value === "string");
}
