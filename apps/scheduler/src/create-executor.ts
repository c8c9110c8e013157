import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@updraft/db";
import { createTaskLogWriter, type TaskLogWriter } from "@updraft/engine";
import { type SecretKeyring } from "@updraft/platform";
import { createLocalExecutor, createNoopExecutor, type Executor, type ExecutorEvents, type LaunchRequest, type TaskOutcome } from "@updraft/executor";
import type { TaskList } from "graphile-worker";
import type { Logger } from "pino";
import { executorEventsToDatabase } from "./executor-events-to-database";
import { createKubernetesBackend, type KubernetesSettings } from "./kubernetes/create-kubernetes-backend";
import { buildKubernetesTaskList } from "./kubernetes/kubernetes-task-list";
import { provisionAllTenantsRegularly } from "./kubernetes/provision-all-tenants";
import type { RepeatingTask } from "./reconcile/repeat-every";
import { createTenantMaskValuesCache } from "./secrets/tenant-mask-values-cache";

export type ExecutorName = "local" | "noop" | "kubernetes";

export interface ExecutorSettings {
  /** Decrypts the tenant secrets and connection passwords masked in task logs. */
  keyring: SecretKeyring;
  /** How long every task "runs" with the noop executor. Default 0. */
  noopDurationMs?: number;
  /** The Kubernetes executor's cluster and options. */
  kubernetes?: KubernetesSettings;
  /** This replica's id: the Kubernetes executor labels its pods with it and adopts them after a restart. */
  schedulerId?: string;
  /** The id was configured (it comes back after a restart), not made up for this process. */
  schedulerIdIsStable?: boolean;
  /**
   * The local executor's state directory parent (UPDRAFT_LOCAL_STATE_DIR):
   * this replica keeps its tasks' files in `<localStateRoot>/<schedulerId>`.
   * Default `<system temp dir>/updraft-local`.
   */
  localStateRoot?: string;
  /** Hears every outcome the executor reports (the executor error metric). Must not throw. */
  onOutcome?: (req: LaunchRequest, outcome: TaskOutcome) => void;
}

export interface CreatedExecutor {
  /** The backend; its optional lifecycle methods (adopt, detach, health) say what the scheduler does at start and stop. */
  executor: Executor;
  logWriter: TaskLogWriter;
  /** Whether launches carry the tenant's secret values (Kubernetes pods read them from the tenant's Secrets instead). */
  injectSecrets: boolean;
  /** The jobs only this backend runs (Kubernetes: provision_tenant, deprovision_tenant); other schedulers leave them pending. */
  jobs: TaskList;
  /** Starts what this backend repeats beside the jobs (Kubernetes: provisioning every tenant at start and regularly). */
  startUpkeep(): Promise<RepeatingTask>;
}

/**
 * Builds the configured executor and wires its events to the database (see
 * executorEventsToDatabase), masking each tenant's secrets in task logs.
 */
export function createExecutor(name: ExecutorName, db: Db, logger: Logger, settings: ExecutorSettings): CreatedExecutor {
  const logWriter = createTaskLogWriter(db, {
    onError: (err) => logger.error({ err }, "could not store task log lines"),
  });
  const maskValues = createTenantMaskValuesCache(db, settings.keyring);
  const stored = executorEventsToDatabase(db, logWriter, logger, (tenantSlug) => maskValues.get(tenantSlug));
  const onOutcome = settings.onOutcome;
  const events: ExecutorEvents = onOutcome
    ? {
        ...stored,
        onExit(req, outcome) {
          onOutcome(req, outcome);
          return stored.onExit(req, outcome);
        },
      }
    : stored;
  // The noop and local executors run on this host: launches carry the secrets, and there is nothing to provision.
  const onThisHost = { logWriter, injectSecrets: true, jobs: {}, startUpkeep: () => Promise.resolve({ stop: () => Promise.resolve() }) };
  switch (name) {
    case "noop":
      return { ...onThisHost, executor: createNoopExecutor(failFalseCommands(events), { durationMs: settings.noopDurationMs ?? 0 }) };
    case "local": {
      const stateDir = join(settings.localStateRoot ?? join(tmpdir(), "updraft-local"), settings.schedulerId ?? randomUUID());
      // A random id never comes back: its state directory goes when it stops (its tasks are killed then).
      const removeStateDirOnShutdown = settings.schedulerIdIsStable !== true;
      const executor = createLocalExecutor(events, { logger: logger.child({ component: "local-executor" }), stateDir, removeStateDirOnShutdown });
      return { ...onThisHost, executor };
    }
    case "kubernetes": {
      const kubernetes = settings.kubernetes ?? {};
      const backend = createKubernetesBackend(db, events, logger, { ...kubernetes, ownerId: settings.schedulerId });
      const provisioningLog = logger.child({ component: "provisioning" });
      return {
        executor: backend.executor,
        logWriter,
        injectSecrets: false,
        jobs: buildKubernetesTaskList(db, {
          kubeConfig: backend.kubeConfig,
          clusterCidrs: kubernetes.clusterCidrs ?? [],
          keyring: settings.keyring,
          logger: provisioningLog,
        }),
        startUpkeep: () => provisionAllTenantsRegularly(db, kubernetes.provisionIntervalMs ?? 300_000, provisioningLog),
      };
    }
  }
}

/**
 * The noop executor runs nothing, so every task would succeed; a task whose
 * command is exactly `false` fails instead (exit code 1), like the real
 * command would. Tests and the benchmark use it to exercise failures without
 * processes.
 */
function failFalseCommands(events: ExecutorEvents): ExecutorEvents {
  return {
    onLog: (req, stream, text) => events.onLog(req, stream, text),
    onExit(req, outcome) {
      const fails = outcome.kind === "success" && req.command.length === 1 && req.command[0] === "false" && req.args.length === 0;
      return events.onExit(req, fails ? { kind: "failed", exitCode: 1, reason: "exit code 1" } : outcome);
    },
  };
}
