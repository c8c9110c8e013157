import { PatchStrategy, setHeaderOptions, type CoreV1Api } from "@kubernetes/client-node";
import type { Logger } from "pino";
import { isNotFound } from "../api/kube-api-error";
import { withApiRetries, type RetryPolicy } from "../api/with-api-retries";
import { REPORTED_LABEL } from "../names/updraft-labels";

/** Deleting finished pods and labelling kept ones; failures are logged (the next resync retries), never thrown. */
export function createPodCleanup(core: CoreV1Api, retry: RetryPolicy, logger: Logger) {
  return {
    async deletePod(namespace: string, name: string, gracePeriodSeconds?: number): Promise<void> {
      try {
        await withApiRetries(
          () => core.deleteNamespacedPod({ name, namespace, ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}) }),
          retry,
        );
      } catch (error) {
        if (!isNotFound(error)) logger.warn({ err: error, pod: `${namespace}/${name}` }, "could not delete the pod; the next resync retries");
      }
    },

    /** Labels a kept failed pod `updraft.dev/outcome-reported=true` (merge patch), which takes it out of the watch. */
    async markReported(namespace: string, name: string): Promise<void> {
      try {
        await withApiRetries(
          () =>
            core.patchNamespacedPod(
              { name, namespace, body: { metadata: { labels: { [REPORTED_LABEL]: "true" } } } },
              setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
            ),
          retry,
        );
      } catch (error) {
        if (!isNotFound(error)) logger.warn({ err: error, pod: `${namespace}/${name}` }, "could not label the kept failed pod");
      }
    },
  };
}
