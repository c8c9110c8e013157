import { randomUUID } from "node:crypto";
import type { LaunchRequest, LogStreamName } from "@updraft/executor";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createTryLogMasking } from "./try-log-masking";

const logger = pino({ level: "silent" });

function request(tenantSlug = "acme"): LaunchRequest {
  const taskInstanceId = randomUUID();
  return {
    key: `ti-${taskInstanceId}-1`,
    taskInstanceId,
    tryNumber: 1,
    tenantSlug,
    dagId: "etl",
    runId: "manual__1",
    taskId: "load",
    image: null,
    command: ["true"],
    args: [],
    env: {},
    executionTimeoutSeconds: null,
    resources: { requests: {}, limits: {} },
    nodeSelector: {},
    tolerations: [],
    connectionIds: [],
    secretNames: [],
  };
}

function sink() {
  const stored: { key: string; stream: LogStreamName; text: string }[] = [];
  return {
    stored,
    write: (req: LaunchRequest, stream: LogStreamName, text: string) => void stored.push({ key: req.key, stream, text }),
    text: (key: string, stream: LogStreamName) =>
      stored
        .filter((s) => s.key === key && s.stream === stream)
        .map((s) => s.text)
        .join(""),
  };
}

describe("masking a try's log", () => {
  it("masks a value split across chunks and passes on what was held back at the end of the try", async () => {
    const out = sink();
    const masking = createTryLogMasking(async () => ["hunter2-password"], out.write, logger);
    const req = request();
    masking.append(req, "STDOUT", "connecting with hunter2-");
    masking.append(req, "STDOUT", "password now\nand then hun");
    await masking.end(req);
    expect(out.text(req.key, "STDOUT")).toBe("connecting with *** now\nand then hun");
    expect(out.stored.map((s) => s.text).join("")).not.toContain("hunter2-password");
  });

  it("keeps each stream's own masker, and the output's order while the tenant's values load", async () => {
    const out = sink();
    let release!: (values: string[]) => void;
    const loaded = new Promise<string[]>((resolve) => (release = resolve));
    const masking = createTryLogMasking(() => loaded, out.write, logger);
    const req = request();
    masking.append(req, "STDOUT", "token=s3cr");
    masking.append(req, "STDERR", "warn: s3cret-token!\n");
    masking.append(req, "STDOUT", "et-token done\n");
    expect(out.stored).toEqual([]);
    release(["s3cret-token"]);
    await masking.end(req);
    expect(out.text(req.key, "STDOUT")).toBe("token=*** done\n");
    expect(out.text(req.key, "STDERR")).toBe("warn: ***!\n");
  });

  it("asks for the tenant of each try", async () => {
    const out = sink();
    const asked: string[] = [];
    const masking = createTryLogMasking(
      async (slug) => {
        asked.push(slug);
        return slug === "acme" ? ["acme-secret"] : ["globex-secret"];
      },
      out.write,
      logger,
    );
    const acme = request("acme");
    const globex = request("globex");
    masking.append(acme, "STDOUT", "acme-secret globex-secret\n");
    masking.append(globex, "STDOUT", "acme-secret globex-secret\n");
    await Promise.all([masking.end(acme), masking.end(globex)]);
    expect(asked.sort()).toEqual(["acme", "globex"]);
    expect(out.text(acme.key, "STDOUT")).toBe("*** globex-secret\n");
    expect(out.text(globex.key, "STDOUT")).toBe("acme-secret ***\n");
  });

  it("never stores output unmasked: when the values cannot be loaded, it is withheld with a note", async () => {
    const out = sink();
    let attempts = 0;
    const masking = createTryLogMasking(
      async () => {
        attempts++;
        throw new Error("the database is down");
      },
      out.write,
      logger,
    );
    const req = request();
    masking.append(req, "STDOUT", "password is hunter2-password\n");
    await masking.end(req);
    expect(attempts).toBe(3);
    expect(out.text(req.key, "STDOUT")).toBe("");
    expect(out.text(req.key, "SYSTEM")).toContain("the task's output is not stored: the database is down");
  });

  it("a try without output needs nothing loaded", async () => {
    let loads = 0;
    const masking = createTryLogMasking(async () => (loads++, []), () => undefined, logger);
    await masking.end(request());
    expect(loads).toBe(0);
  });
});
