import type { CoreV1Api, V1Pod } from "@kubernetes/client-node";
import type { LaunchRequest } from "../../executor";
import { describeKubeError, isAlreadyExists, isNotFound, isQuotaExceeded, kubeFailureOf } from "../api/kube-api-error";
import { withApiRetries, type RetryPolicy } from "../api/with-api-retries";
import { toPlain } from "../provision/compare-owned-fields";
import { keyOfPod } from "./launch-request-from-pod";
import { QuotaExceededError, TenantNotProvisionedError } from "./kubernetes-launch-errors";

export type CreateTaskPodResult =
  | { kind: "created"; pod: V1Pod }
  | { kind: "adopted"; pod: V1Pod }
  /** The API server refused the pod for a reason retrying cannot fix: the try fails with `reason`. */
  | { kind: "rejected"; reason: string };

async function existingPod(core: CoreV1Api, namespace: string, name: string, retry: RetryPolicy): Promise<V1Pod | undefined> {
  try {
    return toPlain(await withApiRetries(() => core.readNamespacedPod({ name, namespace }), retry));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Creates the try's pod, retrying throttling and server errors. The pod
 * already existing (a repeated launch) adopts it. Throws QuotaExceededError
 * when the tenant's quota has no room (the try should wait, not fail),
 * TenantNotProvisionedError when its namespace is missing or being deleted,
 * and the API error when the API stays unavailable.
 */
export async function createTaskPod(core: CoreV1Api, pod: V1Pod, req: LaunchRequest, retry: RetryPolicy): Promise<CreateTaskPodResult> {
  const namespace = pod.metadata!.namespace!;
  const name = pod.metadata!.name!;
  const adoptable = async () => {
    const found = await existingPod(core, namespace, name, retry);
    return found && keyOfPod(found) === req.key ? found : undefined;
  };
  try {
    return { kind: "created", pod: toPlain(await withApiRetries(() => core.createNamespacedPod({ namespace, body: pod }), retry)) };
  } catch (error) {
    const failure = kubeFailureOf(error);
    if (isAlreadyExists(error)) {
      const found = await adoptable();
      if (found) return { kind: "adopted", pod: found };
      throw new Error(`A pod named ${namespace}/${name} exists but does not run ${req.key}; delete it and launch again`);
    }
    if (isQuotaExceeded(error)) {
      // Admission runs before the existence check: a repeated launch of a pod that exists can see 403 too.
      const found = await adoptable();
      if (found) return { kind: "adopted", pod: found };
      throw new QuotaExceededError(namespace, req.key, failure!.message);
    }
    if (failure?.code === 404 && /namespaces? "/.test(failure.message)) {
      throw new TenantNotProvisionedError(namespace, req.tenantSlug, failure.message);
    }
    if (failure?.code === 403 && /being terminated/.test(failure.message)) {
      throw new TenantNotProvisionedError(namespace, req.tenantSlug, failure.message);
    }
    if (failure?.code === 422 || (failure?.code === 403 && !/cannot create resource/.test(failure.message))) {
      return { kind: "rejected", reason: `Kubernetes rejected the pod: ${failure.message}` };
    }
    throw new Error(`Could not create pod ${namespace}/${name}: ${describeKubeError(error)}`, { cause: error });
  }
}
