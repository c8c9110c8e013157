import { KILL_CHANNEL } from "@updraft/engine";
import { executorKey, type Executor } from "@updraft/executor";
import pg from "pg";
import type { Logger } from "pino";
import { z } from "zod";
import type { TaskLogFields } from "@updraft/executor";

const killRequestSchema = z.object({
  taskInstanceId: z.string().uuid(),
  tryNumber: z.number().int().positive(),
  reason: z.string().min(1),
});

export interface KillListener {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers kill requests (requestTaskKill → NOTIFY on KILL_CHANNEL) to this
 * replica's executor, for the tries it runs. Uses its own connection and
 * reconnects after errors; a request missed while disconnected is caught by
 * the orphan sweep.
 */
export function listenForKills(options: {
  databaseUrl: string;
  executor: Executor;
  logger: Logger;
  reconnectDelayMs?: number;
  /** The log fields of a try (tenant, dag, run, task, try); without it lines carry the executor key. */
  taskFields?: (taskInstanceId: string, tryNumber: number) => Promise<TaskLogFields | { taskInstanceId: string; try: number }>;
}): KillListener {
  const { executor, logger } = options;
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  let client: pg.Client | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function onNotification(msg: pg.Notification): void {
    if (msg.channel !== KILL_CHANNEL || !msg.payload) return;
    let request: z.infer<typeof killRequestSchema>;
    try {
      request = killRequestSchema.parse(JSON.parse(msg.payload));
    } catch (err) {
      logger.warn({ err, payload: msg.payload }, "ignoring a malformed kill request");
      return;
    }
    const key = executorKey(request.taskInstanceId, request.tryNumber);
    if (!executor.runningKeys().includes(key)) return;
    const failure = executor.kill(key, request.reason).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
    void (async () => {
      const fields = (await options.taskFields?.(request.taskInstanceId, request.tryNumber)) ?? {};
      logger.info({ ...fields, key, reason: request.reason }, "killing a task on request");
      const failed = await failure;
      if (failed) logger.error({ ...fields, err: failed.err, key }, "could not kill the task");
    })();
  }

  function reconnectLater(failed: pg.Client): void {
    if (stopped || client !== failed || retryTimer) return;
    client = null;
    failed.removeAllListeners("notification");
    failed.end().catch(() => undefined);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, reconnectDelayMs);
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: options.databaseUrl, application_name: "updraft-scheduler-kills" });
    client = c;
    c.on("notification", onNotification);
    c.on("error", (err) => {
      logger.warn({ err }, "kill listener connection failed; reconnecting");
      reconnectLater(c);
    });
    c.on("end", () => reconnectLater(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(KILL_CHANNEL)}`);
      markReady();
    } catch (err) {
      logger.warn({ err }, "kill listener could not connect; retrying");
      reconnectLater(c);
    }
  }

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      markReady();
      if (c) {
        c.removeAllListeners("end");
        c.on("error", () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
