import type { Db } from "@updraft/db";
import type { KubernetesExecutorOptions } from "@updraft/executor";
import { startFakeKubeApi, type FakeKubeApiOptions, type KubeObject } from "@updraft/executor/kubernetes-testing";
import pino from "pino";
import { startScheduler, type RunningScheduler, type SchedulerOptions } from "../../start-scheduler";
import { TEST_KEYRING } from "../../testing/test-keyring";
import { waitUntil } from "@updraft/config/wait-until";

/** Executor numbers that keep the tests quick: short retries, resyncs and grace periods. */
export const FAST_KUBE_OPTIONS: Partial<KubernetesExecutorOptions> = {
  logReconnectDelayMs: 20,
  minResyncDelayMs: 20,
  maxResyncDelayMs: 200,
  logDrainTimeoutMs: 2000,
  apiRetry: { attempts: 6, baseDelayMs: 10, maxDelayMs: 100 },
  startFailureGraceMs: 100,
  unschedulableTimeoutMs: 2000,
  createQps: 100,
  createBurst: 50,
  logger: pino({ level: "silent" }),
};

export const CLUSTER_CIDRS = ["10.244.0.0/16", "10.96.0.0/12"];

/** A fake Kubernetes API and schedulers running against it and the test database. */
export async function startKubeFixture(databaseUrl: string, apiOptions: FakeKubeApiOptions = {}) {
  const api = await startFakeKubeApi({ msPerSecond: 50, ...apiOptions });
  const schedulers = new Set<RunningScheduler>();

  async function startKubeScheduler(overrides: Partial<SchedulerOptions> = {}): Promise<RunningScheduler> {
    const scheduler = await startScheduler({
      keyring: TEST_KEYRING,
      databaseUrl,
      executor: "kubernetes",
      pollIntervalMs: 200,
      heartbeatIntervalMs: 200,
      reconcileIntervalMs: 500,
      zombieAfterMs: 10_000,
      logger: pino({ level: "silent" }),
      ...overrides,
      kubernetes: {
        kubeConfig: api.kubeConfig,
        executorOptions: FAST_KUBE_OPTIONS,
        clusterCidrs: CLUSTER_CIDRS,
        provisionIntervalMs: 60_000,
        ...overrides.kubernetes,
      },
    });
    schedulers.add(scheduler);
    return {
      schedulerId: scheduler.schedulerId,
      metrics: scheduler.metrics,
      health: () => scheduler.health(),
      async stop() {
        schedulers.delete(scheduler);
        await scheduler.stop();
      },
    };
  }

  return {
    api,
    startKubeScheduler,
    /** The pods of a tenant's namespace, as the API stores them. */
    pods: (slug: string): KubeObject[] => api.state.list("pods", `updraft-${slug}`),
    /** Successful pod creations, by pod name. */
    podsCreated: (): string[] =>
      api.requests.filter((r) => r.verb === "create" && r.resource === "pods" && r.status === 201).map((r) => r.name ?? podName(r.body)),
    async close() {
      await Promise.all([...schedulers].map((s) => s.stop()));
      await api.close();
    },
  };
}

export type KubeFixture = Awaited<ReturnType<typeof startKubeFixture>>;

function podName(body: unknown): string {
  return (body as { metadata?: { name?: string } } | undefined)?.metadata?.name ?? "";
}

export const phaseOf = (pod: KubeObject | undefined) => (pod?.status as { phase?: string } | undefined)?.phase;

/** Polls `probe` until it returns something other than undefined/false, as long as that takes (waitUntil, which names `what` while it waits). */
export function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  return waitUntil(probe, () => what);
}

/** Waits until the tenant's namespace was provisioned (recorded on the tenant). */
export async function waitForProvisioned(db: Db, tenantId: string): Promise<Date> {
  return waitFor(`tenant ${tenantId} to be provisioned`, async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { provisionedAt: true, provisionError: true } });
    return tenant.provisionedAt ?? undefined;
  });
}

/** Everything a task's try wrote to one stream, as stored. */
export async function storedLog(db: Db, taskInstanceId: string, stream: "STDOUT" | "STDERR" | "SYSTEM" = "STDOUT", tryNumber = 1): Promise<string> {
  const chunks = await db.taskLog.findMany({ where: { taskInstanceId, tryNumber, stream }, orderBy: { id: "asc" } });
  return chunks.map((c) => c.content).join("");
}

export const numberedLines = (count: number, prefix = "line") => Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}`);
export const asOutput = (lines: string[]) => lines.map((l) => `${l}\n`).join("");
