import { TEST_SECRET_KEY } from "@updraft/platform";
import { describe, expect, it } from "vitest";
import { readSchedulerEnv } from "./env";

/** Every configuration needs the secret key; the tests below spread it in as `DATABASE_URL, UPDRAFT_SECRET_KEY`. */
const DATABASE_URL = "postgres://u:p@localhost:5432/updraft";
const UPDRAFT_SECRET_KEY = TEST_SECRET_KEY;

describe("readSchedulerEnv", () => {
  it("defaults to production timings: heartbeat 5 s, reconcile 30 s, zombie after 60 s", () => {
    const env = readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY });
    expect(env).toMatchObject({
      UPDRAFT_EXECUTOR: "local",
      UPDRAFT_HEARTBEAT_MS: 5000,
      UPDRAFT_RECONCILE_MS: 30_000,
      UPDRAFT_ZOMBIE_AFTER_MS: 60_000,
      UPDRAFT_NOOP_DURATION_MS: 0,
      UPDRAFT_POLL_INTERVAL_MS: 2000,
    });
    expect(env.UPDRAFT_SCHEDULER_ID).toBeUndefined();
    expect(env.UPDRAFT_LAUNCH_LOG).toBeUndefined();
  });

  it("takes short timings for tests", () => {
    const env = readSchedulerEnv({
      DATABASE_URL,
      UPDRAFT_SECRET_KEY,
      UPDRAFT_EXECUTOR: "noop",
      UPDRAFT_HEARTBEAT_MS: "200",
      UPDRAFT_RECONCILE_MS: "500",
      UPDRAFT_ZOMBIE_AFTER_MS: "2000",
      UPDRAFT_NOOP_DURATION_MS: "300",
      UPDRAFT_LAUNCH_LOG: "/tmp/launches.log",
    });
    expect(env).toMatchObject({ UPDRAFT_HEARTBEAT_MS: 200, UPDRAFT_ZOMBIE_AFTER_MS: 2000, UPDRAFT_NOOP_DURATION_MS: 300 });
  });

  it("meters every 15 s by default and explains a bad UPDRAFT_METER_INTERVAL_MS", () => {
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY }).UPDRAFT_METER_INTERVAL_MS).toBe(15_000);
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METER_INTERVAL_MS: "200" }).UPDRAFT_METER_INTERVAL_MS).toBe(200);
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METER_INTERVAL_MS: "often" })).toThrow(
      /UPDRAFT_METER_INTERVAL_MS: UPDRAFT_METER_INTERVAL_MS must be a number of milliseconds/,
    );
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METER_INTERVAL_MS: "5" })).toThrow(
      /UPDRAFT_METER_INTERVAL_MS must be at least 100 ms/,
    );
  });

  it("refuses a zombie threshold a live scheduler could miss, saying why", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_HEARTBEAT_MS: "5000", UPDRAFT_ZOMBIE_AFTER_MS: "6000" })).toThrow(
      /UPDRAFT_ZOMBIE_AFTER_MS: .*more than twice UPDRAFT_HEARTBEAT_MS/,
    );
  });

  it("refuses to start without UPDRAFT_SECRET_KEY, saying how to make one", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL })).toThrow(/Invalid scheduler configuration:\n {2}UPDRAFT_SECRET_KEY is not set.*openssl rand -base64 32/);
  });

  it("refuses a malformed key or previous key without echoing it, and reads a valid keyring", () => {
    let message = "";
    try {
      readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY: "hunter2-is-not-a-key" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("UPDRAFT_SECRET_KEY is not a valid secret key");
    expect(message).not.toContain("hunter2");
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_PREVIOUS_SECRET_KEYS: "short" })).toThrow(
      /UPDRAFT_PREVIOUS_SECRET_KEYS entry 1 is not a valid secret key/,
    );
    const { keyring } = readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY });
    expect(keyring.decrypt(keyring.encrypt("value", "t:secret:x"), "t:secret:x")).toBe("value");
  });

  it("explains a malformed scheduler id", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_SCHEDULER_ID: "sched-1" })).toThrow(/UPDRAFT_SCHEDULER_ID must be a UUID/);
  });

  it("takes the Kubernetes executor with its defaults: 10 creations/s, burst 20, failed pods deleted, 5 min unschedulable, no cluster ranges, provisioning every 5 min", () => {
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_EXECUTOR: "kubernetes" })).toMatchObject({
      UPDRAFT_EXECUTOR: "kubernetes",
      UPDRAFT_KUBE_CREATE_QPS: 10,
      UPDRAFT_KUBE_CREATE_BURST: 20,
      UPDRAFT_KUBE_KEEP_FAILED_PODS: false,
      UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: 300_000,
      UPDRAFT_CLUSTER_CIDRS: [],
      UPDRAFT_PROVISION_INTERVAL_MS: 300_000,
    });
  });

  it("reads the Kubernetes settings", () => {
    const env = readSchedulerEnv({
      DATABASE_URL,
      UPDRAFT_SECRET_KEY,
      UPDRAFT_EXECUTOR: "kubernetes",
      UPDRAFT_KUBE_CREATE_QPS: "2.5",
      UPDRAFT_KUBE_CREATE_BURST: "5",
      UPDRAFT_KUBE_KEEP_FAILED_PODS: "true",
      UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: "60000",
      UPDRAFT_CLUSTER_CIDRS: " 10.244.0.0/16,10.96.0.0/12 , fd00::/8,",
      UPDRAFT_PROVISION_INTERVAL_MS: "60000",
    });
    expect(env).toMatchObject({
      UPDRAFT_KUBE_CREATE_QPS: 2.5,
      UPDRAFT_KUBE_CREATE_BURST: 5,
      UPDRAFT_KUBE_KEEP_FAILED_PODS: true,
      UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: 60_000,
      UPDRAFT_CLUSTER_CIDRS: ["10.244.0.0/16", "10.96.0.0/12", "fd00::/8"],
      UPDRAFT_PROVISION_INTERVAL_MS: 60_000,
    });
    for (const [text, value] of [["1", true], ["yes", true], ["FALSE", false], ["0", false], ["", false]] as const) {
      expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_KUBE_KEEP_FAILED_PODS: text }).UPDRAFT_KUBE_KEEP_FAILED_PODS).toBe(value);
    }
  });

  it("names an unknown executor and the ones there are", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_EXECUTOR: "k8s" })).toThrow(
      'UPDRAFT_EXECUTOR: UPDRAFT_EXECUTOR must be "local" (default), "kubernetes" or "noop".',
    );
  });

  it("explains every bad Kubernetes setting at once", () => {
    let message = "";
    try {
      readSchedulerEnv({
        DATABASE_URL,
        UPDRAFT_SECRET_KEY,
        UPDRAFT_EXECUTOR: "kubernetes",
        UPDRAFT_KUBE_CREATE_QPS: "0",
        UPDRAFT_KUBE_CREATE_BURST: "1.5",
        UPDRAFT_KUBE_KEEP_FAILED_PODS: "maybe",
        UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: "5m",
        UPDRAFT_PROVISION_INTERVAL_MS: "10",
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "Invalid scheduler configuration:",
      "  UPDRAFT_KUBE_CREATE_QPS: UPDRAFT_KUBE_CREATE_QPS must be more than 0 pod creations per second.",
      "  UPDRAFT_KUBE_CREATE_BURST: UPDRAFT_KUBE_CREATE_BURST must be a whole number of pod creations, e.g. 20.",
      '  UPDRAFT_KUBE_KEEP_FAILED_PODS: UPDRAFT_KUBE_KEEP_FAILED_PODS must be "true" or "false" (also 1/0, yes/no).',
      "  UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS: UPDRAFT_KUBE_UNSCHEDULABLE_TIMEOUT_MS must be a number of milliseconds.",
      "  UPDRAFT_PROVISION_INTERVAL_MS: UPDRAFT_PROVISION_INTERVAL_MS must be at least 1000 ms.",
    ]);
  });

  it("serves health and metrics on port 9465 by default, takes 0 for a free port, and explains a bad one", () => {
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY }).UPDRAFT_METRICS_PORT).toBe(9465);
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METRICS_PORT: "0" }).UPDRAFT_METRICS_PORT).toBe(0);
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METRICS_PORT: "9100" }).UPDRAFT_METRICS_PORT).toBe(9100);
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METRICS_PORT: "metrics" })).toThrow(
      "UPDRAFT_METRICS_PORT: UPDRAFT_METRICS_PORT must be a port number, e.g. 9465 (0 picks a free port).",
    );
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_METRICS_PORT: "70000" })).toThrow(
      "UPDRAFT_METRICS_PORT must be between 0 and 65535.",
    );
  });

  it("logs at info by default, takes any pino level in any case, and names the levels for a bad one", () => {
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY }).LOG_LEVEL).toBe("info");
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, LOG_LEVEL: "DEBUG" }).LOG_LEVEL).toBe("debug");
    expect(readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, LOG_LEVEL: "warn" }).LOG_LEVEL).toBe("warn");
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, LOG_LEVEL: "verbose" })).toThrow(
      "LOG_LEVEL: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal (or silent).",
    );
  });

  it("names each cluster range that is not a CIDR block", () => {
    expect(() => readSchedulerEnv({ DATABASE_URL, UPDRAFT_SECRET_KEY, UPDRAFT_CLUSTER_CIDRS: "10.244.0.0/16,10.96.0.0,300.1.1.1/8,10.0.0.0/33,cluster" })).toThrow(
      [
        "Invalid scheduler configuration:",
        '  UPDRAFT_CLUSTER_CIDRS: UPDRAFT_CLUSTER_CIDRS entry "10.96.0.0" is not a CIDR block: expected an address and a prefix length, like "10.244.0.0/16".',
        '  UPDRAFT_CLUSTER_CIDRS: UPDRAFT_CLUSTER_CIDRS entry "300.1.1.1/8" does not start with an IPv4 or IPv6 address (like "10.244.0.0/16" or "fd00::/8").',
        '  UPDRAFT_CLUSTER_CIDRS: UPDRAFT_CLUSTER_CIDRS entry "10.0.0.0/33" has a prefix length above 32.',
        '  UPDRAFT_CLUSTER_CIDRS: UPDRAFT_CLUSTER_CIDRS entry "cluster" is not a CIDR block: expected an address and a prefix length, like "10.244.0.0/16".',
      ].join("\n"),
    );
  });
});
