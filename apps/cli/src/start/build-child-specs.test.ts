import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildChildSpecs, checkServerBundles, checkWebBuild } from "./build-child-specs";
import { findRepoRoot } from "./find-repo-root";
import { readStartConfig } from "./read-start-config";

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function specsFor(baseEnv: NodeJS.ProcessEnv) {
  const result = readStartConfig({ PORT: "4123", UPDRAFT_EXECUTOR: "local" }, { repoRoot, cwd: repoRoot });
  if (!result.ok) throw new Error(result.message);
  return buildChildSpecs({
    repoRoot,
    config: result.config,
    databaseUrl: "postgres://u:p@localhost:5555/updraft",
    nextAuthSecret: "s".repeat(43),
    secretKey: "k".repeat(44),
    schedulerId: "0b0e7c1e-3a53-4f5c-9d1e-2f0c8a7b6d54",
    baseEnv,
  });
}

describe("buildChildSpecs", () => {
  it("starts the web app's production server and the scheduler from their compiled bundles, with the shared settings", () => {
    const [web, scheduler] = specsFor({ PATH: "/usr/bin", HOME: "/home/ada" });

    expect(web!.name).toBe("web");
    expect(web!.cwd).toBe(join(repoRoot, "apps", "web"));
    expect(web!.args).toEqual([join(repoRoot, "apps", "web", "dist", "server.mjs")]);
    expect(web!.env).toMatchObject({ PORT: "4123", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "10000" });

    expect(scheduler!.name).toBe("scheduler");
    expect(scheduler!.cwd).toBe(join(repoRoot, "apps", "scheduler"));
    expect(scheduler!.args).toEqual([join(repoRoot, "apps", "scheduler", "dist", "main.mjs")]);
    // The bundle cannot find the repository's migrations from where it lies.
    expect(scheduler!.env!.UPDRAFT_MIGRATIONS_DIR).toBe(join(repoRoot, "prisma", "migrations"));
    expect(existsSync(scheduler!.env!.UPDRAFT_MIGRATIONS_DIR!)).toBe(true);

    for (const child of [web!, scheduler!]) {
      expect(child.command).toBe(process.execPath);
      expect(child.env).toMatchObject({
        PATH: "/usr/bin",
        HOME: "/home/ada",
        DATABASE_URL: "postgres://u:p@localhost:5555/updraft",
        NEXTAUTH_SECRET: "s".repeat(43),
        UPDRAFT_SECRET_KEY: "k".repeat(44),
        NEXTAUTH_URL: "http://localhost:4123",
        UPDRAFT_EXECUTOR: "local",
        UPDRAFT_SCHEDULER_ID: "0b0e7c1e-3a53-4f5c-9d1e-2f0c8a7b6d54",
        UPDRAFT_DATA_DIR: join(repoRoot, ".updraft"),
        NODE_ENV: "production",
      });
    }
  });
});

describe("the web app's environment", () => {
  it("listens on every interface even when the shell exports HOSTNAME, and keeps a shutdown timeout the user set", () => {
    const [web] = specsFor({ PATH: "/usr/bin", HOSTNAME: "build-box-7", UPDRAFT_SHUTDOWN_TIMEOUT_MS: "5000" });
    expect(web!.env).not.toHaveProperty("HOSTNAME");
    expect(web!.env!.UPDRAFT_SHUTDOWN_TIMEOUT_MS).toBe("5000");
  });
});

describe("health and metrics ports", () => {
  it("gives web and scheduler different metrics ports (9464 and 9465), each one the user may set", () => {
    const [web, scheduler] = specsFor({ PATH: "/usr/bin" });
    expect([web!.env!.UPDRAFT_METRICS_PORT, scheduler!.env!.UPDRAFT_METRICS_PORT]).toEqual(["9464", "9465"]);
    const [web2, scheduler2] = specsFor({ PATH: "/usr/bin", UPDRAFT_WEB_METRICS_PORT: "0", UPDRAFT_SCHEDULER_METRICS_PORT: "19465" });
    expect([web2!.env!.UPDRAFT_METRICS_PORT, scheduler2!.env!.UPDRAFT_METRICS_PORT]).toEqual(["0", "19465"]);
  });
});

describe("checkWebBuild", () => {
  it("explains how to build the web app when it was not built", () => {
    const root = mkdtempSync(join(tmpdir(), "updraft-build-test-"));
    try {
      expect(checkWebBuild(root)).toMatch(/npm run build -w @updraft\/web/);
      mkdirSync(join(root, "apps", "web", ".next"), { recursive: true });
      writeFileSync(join(root, "apps", "web", ".next", "BUILD_ID"), "abc");
      expect(checkWebBuild(root)).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("checkServerBundles", () => {
  it("names the missing bundles and how to build them, and is satisfied once both exist", () => {
    const root = mkdtempSync(join(tmpdir(), "updraft-bundles-test-"));
    try {
      const problem = checkServerBundles(root);
      expect(problem).toContain(join(root, "apps", "web", "dist", "server.mjs"));
      expect(problem).toContain(join(root, "apps", "scheduler", "dist", "main.mjs"));
      expect(problem).toMatch(/npm start/);
      for (const app of ["web", "scheduler"]) mkdirSync(join(root, "apps", app, "dist"), { recursive: true });
      writeFileSync(join(root, "apps", "web", "dist", "server.mjs"), "");
      expect(checkServerBundles(root)).not.toContain("server.mjs");
      writeFileSync(join(root, "apps", "scheduler", "dist", "main.mjs"), "");
      expect(checkServerBundles(root)).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
