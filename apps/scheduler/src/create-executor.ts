import type { KubeConfig } from "@kubernetes/client-node";
import type { Db } from "@updraft/db";
import { createTaskLogWriter, type SecretKeyring, type TaskLogWriter } from "@updraft/engine";
import { createLocalExecutor, createNoopExecutor, type Executor, type ExecutorEvents } from "@updraft/executor";
import type { Logger } from "pino";
import { executorEventsToDatabase } from "./executor-events-to-database";
import { createKubernetesBackend, type KubernetesSettings } from "./kubernetes/create-kubernetes-backend";
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
}

export interface CreatedExecutor {
  executor: Executor;
  logWriter: TaskLogWriter;
  /** Set for the Kubernetes executor. */
  kubernetes?: {
    kubeConfig: KubeConfig;
    /** Resolves once the first list of pods was taken (the pods a previous run of this replica left are adopted). */
    ready: Promise<void>;
  };
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
  const events = executorEventsToDatabase(db, logWriter, logger, (tenantSlug) => maskValues.get(tenantSlug));
  switch (name) {
    case "noop":
      return { executor: createNoopExecutor(failFalseCommands(events), { durationMs: settings.noopDurationMs ?? 0 }), logWriter };
    case "local":
      return { executor: createLocalExecutor(events, { logger: logger.child({ component: "local-executor" }) }), logWriter };
    case "kubernetes": {
      const backend = createKubernetesBackend(db, events, logger, { ...settings.kubernetes, ownerId: settings.schedulerId });
      return { executor: backend.executor, logWriter, kubernetes: { kubeConfig: backend.kubeConfig, ready: backend.executor.ready } };
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
