import { KubeConfig } from "@kubernetes/client-node";

/** $KUBECONFIG, ~/.kube/config, or the in-cluster service account. */
export function loadDefaultKubeConfig(): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();
  const cluster = kubeConfig.getCurrentCluster();
  // With no configuration at all, the client falls back to http://localhost:8080 (context "loaded-context").
  const fallback = kubeConfig.getCurrentContext() === "loaded-context" && cluster?.server === "http://localhost:8080";
  if (!cluster || fallback) {
    throw new Error(
      "UPDRAFT_EXECUTOR=kubernetes needs a cluster: set KUBECONFIG (or ~/.kube/config), or run inside a pod with a service account",
    );
  }
  return kubeConfig;
}
