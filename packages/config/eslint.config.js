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
const internal = ["domain", "dag", "db", "engine", "platform", "cost", "executor", "api"];
const apps = ["@updraft/web", "@updraft/scheduler", "@updraft/cli", "@updraft/e2e"];

/**
 * Which internal packages each workspace may import. One way only:
 * domain → dag, db → engine (run/task state machine, scheduling, jobs) → platform (tenants, members,
 * tokens, connections, secrets, audit, deploys) → cost (metering storage, prices, budgets, reports).
 */
const allowed = {
  "packages/domain": [],
  "packages/dag": ["domain"],
  "packages/db": ["domain"],
  "packages/engine": ["domain", "dag", "db"],
  "packages/platform": ["domain", "engine", "dag", "db"],
  "packages/cost": ["domain", "platform", "engine", "dag", "db"],
  "packages/executor": ["domain", "dag", "engine"],
  "packages/api": ["domain", "cost", "platform", "engine", "executor", "db", "dag"],
  "apps/web": ["domain", "api", "db", "dag"],
  "apps/scheduler": ["domain", "cost", "platform", "engine", "executor", "db", "dag"],
  "apps/cli": ["domain", "platform", "db", "engine", "dag"],
  e2e: ["domain", "cost", "db", "engine", "dag"],
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

// Where the environment is read: each app's env.ts parses it with zod into typed settings, and everything
// else gets the values passed in (packages take settings as parameters, never the environment).
const envMessage =
  "Read the environment only in the app's env.ts (apps/web/src/config/env.ts, apps/scheduler/src/config/env.ts, apps/cli/src/config/env.ts) " +
  "and pass the values in; packages take settings as parameters. The exemptions are listed with their reasons in packages/config/eslint.config.js.";

/** Files that may touch process.env besides the apps' env.ts, each for a reason. */
const envExempt = [
  // Each app's one reader of the environment.
  "apps/*/src/config/env.ts",
  // Tests, fixtures, the end-to-end suite, benchmarks and build scripts set up or pass on the environment of processes they start.
  "**/*.test.ts",
  "**/testing/**",
  "e2e/**",
  "infra/tests/**",
  "**/bench/**",
  "**/scripts/**",
  // Next.js replaces process.env.NEXT_RUNTIME at build time (the node and edge bundles differ): it must stay literal.
  "apps/web/src/instrumentation.ts",
  // Sets NODE_ENV and __NEXT_PRIVATE_STANDALONE_CONFIG for Next.js itself to read, as Next's standalone server.js does.
  "apps/web/server/load-next-handler.ts",
  // The local executor runs each task with the host's environment (PATH, HOME …), as a shell would; it reads no setting from it.
  "packages/executor/src/local/build-task-env.ts",
  // `npm run migrate -w @updraft/db`: a command-line entry point of its own.
  "packages/db/src/migrate/migrate-cli.ts",
];

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
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: envExempt,
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: envMessage }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: envMessage,
        },
      ],
    },
  },
  {
    // Command-line entry points and tests print to the terminal on purpose.
    files: ["apps/cli/**", "**/*.test.ts", "**/bench/**", "e2e/**", "**/scripts/**", "packages/db/src/migrate/migrate-cli.ts"],
    rules: { "no-console": "off" },
  },
);
