import { describe, expect, it } from "vitest";
import { readStartConfig } from "./read-start-config";

const paths = { repoRoot: "/srv/updraft", cwd: "/home/ada" };

describe("readStartConfig", () => {
  it("needs no configuration at all", () => {
    expect(readStartConfig({}, paths)).toEqual({
      ok: true,
      config: {
        databaseUrl: null,
        port: 3000,
        dataDir: "/srv/updraft/.updraft",
        adminEmail: undefined,
        adminPassword: undefined,
        executor: "local",
        nextAuthSecret: null,
        nextAuthUrl: "http://localhost:3000",
      },
    });
  });

  it("takes every setting from the environment, treating empty values as unset", () => {
    const result = readStartConfig(
      {
        DATABASE_URL: "postgresql://u:p@db:5432/updraft",
        PORT: "8080",
        UPDRAFT_DATA_DIR: "data",
        UPDRAFT_ADMIN_EMAIL: "ada@example.com",
        UPDRAFT_ADMIN_PASSWORD: "correct horse",
        UPDRAFT_EXECUTOR: "kubernetes",
        NEXTAUTH_SECRET: "",
        NEXTAUTH_URL: "",
      },
      paths,
    );
    expect(result).toEqual({
      ok: true,
      config: {
        databaseUrl: "postgresql://u:p@db:5432/updraft",
        port: 8080,
        dataDir: "/home/ada/data",
        adminEmail: "ada@example.com",
        adminPassword: "correct horse",
        executor: "kubernetes",
        nextAuthSecret: null,
        nextAuthUrl: "http://localhost:8080",
      },
    });
  });

  it("lists every invalid variable with how to fix it, without echoing secrets", () => {
    const result = readStartConfig(
      {
        DATABASE_URL: "mysql://nope",
        PORT: "80a",
        UPDRAFT_EXECUTOR: "docker",
        UPDRAFT_ADMIN_EMAIL: "not-an-email",
        UPDRAFT_ADMIN_PASSWORD: "short",
        NEXTAUTH_SECRET: "tiny",
      },
      paths,
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.message;
    expect(message).toContain("DATABASE_URL must be a Postgres URL");
    expect(message).toContain('PORT must be a port number between 1 and 65535 (got "80a")');
    expect(message).toContain('UPDRAFT_EXECUTOR must be "local", "kubernetes" or "noop" (got "docker")');
    expect(message).toContain("UPDRAFT_ADMIN_EMAIL must be an e-mail address");
    expect(message).toContain("UPDRAFT_ADMIN_PASSWORD must be at least 8 characters long");
    expect(message).toContain("NEXTAUTH_SECRET must be at least 16 characters");
    expect(message).not.toContain("short");
    expect(message).not.toContain("tiny");
  });

  it("rejects ports out of range", () => {
    expect(readStartConfig({ PORT: "70000" }, paths).ok).toBe(false);
    expect(readStartConfig({ PORT: "0" }, paths).ok).toBe(false);
  });
});
