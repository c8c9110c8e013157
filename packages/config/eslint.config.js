// The one lint config for the whole repo (run from the root: `npm run lint`).
// Besides the usual TypeScript rules it enforces the dependency direction of
// ARCHITECTURE.md's layout table: each layer may import only the layers below
// it, and nothing imports an app.
import tseslint from "typescript-eslint";

// @updraft/config is not a layer: it holds tooling settings (this lint config, the esbuild
// settings of the container bundles) that any workspace's build scripts may use.
const internal = ["dag", "db", "engine", "platform", "cost", "executor", "api"];
const apps = ["@updraft/web", "@updraft/scheduler", "@updraft/cli", "@updraft/e2e"];

/**
 * Which internal packages each workspace may import. One way only:
 * dag, db → engine (run/task state machine, scheduling, jobs) → platform (tenants, members,
 * tokens, connections, secrets, audit, deploys) → cost (metering storage, prices, budgets, reports).
 */
const allowed = {
  "packages/dag": [],
  "packages/db": [],
  "packages/engine": ["dag", "db"],
  "packages/platform": ["engine", "dag", "db"],
  "packages/cost": ["platform", "engine", "dag", "db"],
  "packages/executor": ["dag", "engine"],
  "packages/api": ["cost", "platform", "engine", "executor", "db", "dag"],
  "apps/web": ["api", "db", "dag"],
  "apps/scheduler": ["cost", "platform", "engine", "executor", "db", "dag"],
  "apps/cli": ["platform", "db", "engine", "dag"],
  e2e: ["cost", "db", "engine", "dag"],
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
              message: `${folder} may import only ${may.length ? may.map((p) => `@updraft/${p}`).join(", ") : "no internal packages"} (ARCHITECTURE.md layout table); nothing imports an app.`,
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
