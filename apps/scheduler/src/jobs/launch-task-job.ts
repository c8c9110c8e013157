import type { Task } from "graphile-worker";
import { enqueueJob, startTaskTry, taskEventJobKey } from "@updraft/engine";
import { type SecretKeyring } from "@updraft/platform";
import { executorKey, taskLogFields, type Executor } from "@updraft/executor";
import type { Db } from "@updraft/db";
import type { Logger } from "pino";
import { resolveLaunchSecrets, type ResolvedLaunchSecrets } from "../secrets/resolve-launch-secrets";
import { parsePayload } from "./parse-payload";
import { requeueRefusedLaunch } from "./requeue-refused-launch";

/** Which scheduler replica claims the tries it launches (stored on each try). */
export interface SchedulerIdentity {
  schedulerId: string;
  hostname: string;
}

export interface LaunchSecretsSettings {
  /** Decrypts the tenant's connections and secrets. */
  keyring: SecretKeyring;
  /**
   * Pass their values in the launch (`secretEnv`): executors without
   * Kubernetes Secrets. The Kubernetes executor references the tenant's
   * Secrets instead; existence is checked either way.
   */
  inject: boolean;
}

/**
 * Claims the try for this replica and hands it to the executor. Idempotent:
 * a repeated job for the same try finds it running under this replica and
 * the executor adopts the existing process; a try claimed by another replica
 * is left alone, so nothing is launched twice. A try whose task lists a
 * connection or secret its tenant does not have fails, saying which; with
 * `secrets.inject` the values go to the executor in `secretEnv`. A launch the
 * cluster refuses for now (quota full, namespace not provisioned yet) puts
 * the try back in the queue; any other launch error fails the try.
 */
export function makeLaunchTaskJob(db: Db, executor: Executor, identity: SchedulerIdentity, secrets: LaunchSecretsSettings, logger: Logger): Task {
  return async (payload) => {
    const { taskInstanceId, tryNumber, waits } = parsePayload("launch_task", payload);
    const launch = await startTaskTry(db, {
      taskInstanceId,
      tryNumber,
      executorKey: executorKey(taskInstanceId, tryNumber),
      schedulerId: identity.schedulerId,
      hostname: identity.hostname,
    });
    if (!launch) return;
    const log = logger.child(taskLogFields(launch));

    /** `keepPending`: an exit event already waiting for this try (a repeated job after the task ran) wins. */
    const failTry = async (reason: string, options: { keepPending?: boolean } = {}) => {
      log.error({ reason }, `the try failed to launch: ${reason}`);
      await enqueueJob(
        db,
        "task_event",
        { taskInstanceId, tryNumber, outcome: "failed", exitCode: null, reason, endedAt: Date.now() },
        { jobKey: taskEventJobKey(taskInstanceId, tryNumber), ...(options.keepPending ? { jobKeyMode: "unsafe_dedupe" as const } : {}) },
      );
    };

    // A try this executor runs already is adopted as it is: nothing to resolve (or to fail).
    if (!executor.runningKeys().includes(launch.key)) {
      let resolved: ResolvedLaunchSecrets;
      try {
        resolved = await resolveLaunchSecrets(db, secrets.keyring, launch, { inject: secrets.inject });
      } catch (err) {
        await failTry(`could not read the tenant's connections and secrets: ${err instanceof Error ? err.message : String(err)}`, { keepPending: true });
        return;
      }
      if (!resolved.ok) {
        await failTry(resolved.reason, { keepPending: true });
        return;
      }
      if (resolved.secretEnv) launch.secretEnv = resolved.secretEnv;
    }

    try {
      await executor.launch(launch);
    } catch (err) {
      if (await requeueRefusedLaunch(db, err, { taskInstanceId, tryNumber, schedulerId: identity.schedulerId, waits: waits ?? 0 })) {
        log.info(`the launch was refused for now; the try goes back to the queue: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      await failTry(`the ${executor.name} executor could not start the task: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
