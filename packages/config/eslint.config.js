// The one lint config for the whole repo (run from the root: `npm run lint`).
// Besides the usual TypeScript rules it enforces the dependency direction of
// the README's package layering (Architecture section): each layer may import
// only the layers below it, and nothing imports an app.
import tseslint from "typescript-eslint";

// @updraft/config is not a layer: it holds tooling settings (this lint config, the esbuild
// settings of the container bundles) that any workspace's build scripts may use.
// @updraft/domain is the bottom layer: pure rules (tenant slug, quota, roles, executor keys,
// Kubernetes quantities), one entry point each, that every layer may import (the web client
// bundle too: only executor-key needs Node, for hashing).
const internal = ["domain", "dag", "db", "engine", "executor", "cost", "api"];
const apps = ["@updraft/web", "@updraft/scheduler", "@updraft/cli", "@updraft/e2e"];

/** Which internal packages each workspace may import. */
const allowed = {
  "packages/domain": [],
  "packages/dag": ["domain"],
  "packages/db": ["domain"],
  "packages/engine": ["domain", "dag", "db"],
  "packages/executor": ["domain", "dag", "engine"],
  "packages/cost": ["domain", "db"],
  "packages/api": ["domain", "engine", "executor", "cost", "db", "dag"],
  "apps/web": ["domain", "api", "db", "dag"],
  "apps/scheduler": ["domain", "engine", "executor", "cost", "db", "dag"],
  "apps/cli": ["domain", "db", "engine", "dag"],
  e2e: ["domain", "db", "engine", "dag"],
};

function layerRule(folder, may) {
  const forbidden = internal.filter((p) => !may.includes(p)).map((p) => `@updraft/${p}`);
  return {
    files: [`${folder}/**/*.{ts,tsx,js,mjs}`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...forbidden, ...forbidden.map((p) => `${p}/*`), ...apps, ...apps.map((a) => `${a}/*`)],
              message: `${folder} may import only ${may.length ? may.map((p) => `@updraft/${p}`).join(", ") : "no internal packages"} (README, Architecture, "Package layering"); nothing imports an app.`,
            },
            {
              group: ["../../packages/*", "../../../packages/*", "../../apps/*", "../../../apps/*", "**/apps/*/src/**"],
              message: "Import workspace packages by name (@updraft/...), never by relative path across workspaces.",
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/generated/**",
      "**/.turbo/**",
      "**/.updraft/**",
      "e2e/artifacts/**",
      "**/next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  ...Object.entries(allowed).map(([folder, may]) => layerRule(folder, may)),
  {
    // Command-line entry points and tests print to the terminal on purpose.
    files: ["apps/cli/**", "**/*.test.ts", "**/bench/**", "e2e/**", "**/scripts/**", "packages/db/src/migrate/migrate-cli.ts"],
    rules: { "no-console": "off" },
  },
);
