import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readWebServerEnv } from "../src/config/env";
import { listenHostname } from "./listen-hostname";

const DATABASE_URL = "postgres://u:p@localhost:5432/updraft";

describe("readWebServerEnv", () => {
  it("uses the documented defaults", () => {
    expect(readWebServerEnv({ DATABASE_URL })).toEqual({
      DATABASE_URL,
      PORT: 3000,
      HOSTNAME: undefined,
      UPDRAFT_METRICS_PORT: 9464,
      UPDRAFT_SHUTDOWN_TIMEOUT_MS: 25_000,
      UPDRAFT_DRAIN_DELAY_MS: 0,
      KEEP_ALIVE_TIMEOUT: 65_000,
      UPDRAFT_WEB_WORKERS: 1,
      UPDRAFT_MIGRATIONS_DIR: undefined,
      LOG_LEVEL: "info",
    });
  });

  it("reads every setting, with 0 meaning a free port and blanks meaning the default", () => {
    expect(
      readWebServerEnv({
        DATABASE_URL,
        PORT: "8080",
        HOSTNAME: "0.0.0.0",
        UPDRAFT_METRICS_PORT: "0",
        UPDRAFT_SHUTDOWN_TIMEOUT_MS: "30000",
        UPDRAFT_DRAIN_DELAY_MS: "",
        LOG_LEVEL: "debug",
      }),
    ).toMatchObject({ PORT: 8080, HOSTNAME: "0.0.0.0", UPDRAFT_METRICS_PORT: 0, UPDRAFT_SHUTDOWN_TIMEOUT_MS: 30_000, UPDRAFT_DRAIN_DELAY_MS: 0, LOG_LEVEL: "debug" });
  });

  it("reads UPDRAFT_WEB_WORKERS: a count of at least 1, or auto for one per CPU", () => {
    expect(readWebServerEnv({ DATABASE_URL, UPDRAFT_WEB_WORKERS: "4" }).UPDRAFT_WEB_WORKERS).toBe(4);
    expect(readWebServerEnv({ DATABASE_URL, UPDRAFT_WEB_WORKERS: " " }).UPDRAFT_WEB_WORKERS).toBe(1);
    expect(readWebServerEnv({ DATABASE_URL, UPDRAFT_WEB_WORKERS: "auto" }).UPDRAFT_WEB_WORKERS).toBe(availableParallelism());
    for (const bad of ["0", "-2", "1.5", "many"]) {
      expect(() => readWebServerEnv({ DATABASE_URL, UPDRAFT_WEB_WORKERS: bad }), bad).toThrow(/UPDRAFT_WEB_WORKERS must be/);
    }
  });

  it("names every problem at once", () => {
    expect(() => readWebServerEnv({ PORT: "70000", UPDRAFT_DRAIN_DELAY_MS: "soon", LOG_LEVEL: "loud" })).toThrow(
      /DATABASE_URL is not set[\s\S]*PORT must be between 0 and 65535[\s\S]*UPDRAFT_DRAIN_DELAY_MS must be a number of milliseconds[\s\S]*LOG_LEVEL must be one of/,
    );
  });
});

describe("listenHostname", () => {
  it("listens where HOSTNAME says, but on every interface when HOSTNAME is only the machine's own name", () => {
    expect(listenHostname("0.0.0.0", "updraft-web-7d9f-abcde")).toBe("0.0.0.0");
    expect(listenHostname("updraft-web-7d9f-abcde", "updraft-web-7d9f-abcde")).toBeUndefined();
    expect(listenHostname(undefined, "vm")).toBeUndefined();
  });
});
