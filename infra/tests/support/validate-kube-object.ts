import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Deployment, StatefulSet } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ClusterRole, ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { ConfigMap, Namespace, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import type { KubeObject } from "./render-kustomization";

interface Model {
  validate(): void;
}

/** Every kind the manifests may use, with its upstream OpenAPI schema (kubernetes-models). */
const MODELS: Record<string, new (data: never) => Model> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/Service": Service,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "batch/v1/Job": Job,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "rbac.authorization.k8s.io/v1/ClusterRole": ClusterRole,
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": ClusterRoleBinding,
};

/**
 * Validates one rendered object against its Kubernetes schema; throws naming
 * the object and the problem. A kind not listed above is an error too (add
 * its model when the manifests start using it).
 */
export function validateKubeObject(object: KubeObject): void {
  const id = `${object.kind} ${object.metadata?.name ?? "(no name)"}`;
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`${id}: no schema for ${object.apiVersion} ${object.kind} in validate-kube-object.ts`);
  try {
    new Model(normalize(object) as never).validate();
  } catch (error) {
    throw new Error(`${id} is not a valid ${object.apiVersion} ${object.kind}: ${(error as Error).message}`);
  }
}

/**
 * Kustomize folds long base64 Secret values over several lines; the API
 * server's base64 decoder skips the line breaks, the schema's "byte" format
 * does not, so they are joined first.
 */
function normalize(object: KubeObject): KubeObject {
  if (object.kind !== "Secret" || !object.data) return object;
  const data = Object.fromEntries(Object.entries<string>(object.data).map(([key, value]) => [key, value.replace(/\s+/g, "")]));
  return { ...object, data };
}
