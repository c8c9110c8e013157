import type { FakeObjectStore } from "./fake-object-store";
import { forbidden } from "./kube-status";
import type { KubeObject } from "./kube-object";

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string };
}

interface PodSpec {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: SecurityContext;
  containers?: { name: string; securityContext?: SecurityContext }[];
  volumes?: Record<string, unknown>[];
}

const RESTRICTED_VOLUME_TYPES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"]);

/**
 * Pod Security Admission for namespaces labelled
 * `pod-security.kubernetes.io/enforce`: the checks of the `baseline` and
 * `restricted` profiles that matter for task pods, with the API server's
 * message format. Throws 403 Forbidden.
 */
export function checkPodSecurity(store: FakeObjectStore, pod: KubeObject): void {
  const namespace = store.get("namespaces", undefined, pod.metadata.namespace!);
  const level = namespace?.metadata.labels?.["pod-security.kubernetes.io/enforce"];
  if (level !== "baseline" && level !== "restricted") return;
  const spec = (pod.spec ?? {}) as PodSpec;
  const containers = spec.containers ?? [];
  const problems: string[] = [];
  const each = (test: (c: SecurityContext) => boolean, what: string, field: string) => {
    const bad = containers.filter((c) => test(c.securityContext ?? {})).map((c) => `"${c.name}"`);
    if (bad.length > 0) problems.push(`${what} (container${bad.length > 1 ? "s" : ""} ${bad.join(", ")} must ${field})`);
  };

  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) problems.push("host namespaces (hostNetwork=true, hostPID=true or hostIPC=true)");
  each((c) => c.privileged === true, "privileged", "not set securityContext.privileged=true");
  if (level === "restricted") {
    each((c) => c.allowPrivilegeEscalation !== false, "allowPrivilegeEscalation != false", "set securityContext.allowPrivilegeEscalation=false");
    each(
      (c) => !(c.capabilities?.drop ?? []).includes("ALL") || (c.capabilities?.add ?? []).some((a) => a !== "NET_BIND_SERVICE"),
      "unrestricted capabilities",
      'set securityContext.capabilities.drop=["ALL"]',
    );
    const podNonRoot = spec.securityContext?.runAsNonRoot === true;
    each((c) => !(c.runAsNonRoot ?? podNonRoot), "runAsNonRoot != true", "set securityContext.runAsNonRoot=true");
    if (spec.securityContext?.runAsUser === 0) problems.push("runAsUser=0 (pod must not set runAsUser=0)");
    each((c) => c.runAsUser === 0, "runAsUser=0", "not set runAsUser=0");
    const podSeccomp = spec.securityContext?.seccompProfile?.type;
    each(
      (c) => !["RuntimeDefault", "Localhost"].includes(c.seccompProfile?.type ?? podSeccomp ?? ""),
      "seccompProfile",
      'set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    );
    const bad = (spec.volumes ?? []).filter((v) => Object.keys(v).some((k) => k !== "name" && !RESTRICTED_VOLUME_TYPES.has(k)));
    if (bad.length > 0) problems.push(`restricted volume types (volumes ${bad.map((v) => `"${String(v.name)}"`).join(", ")} use a type the restricted profile forbids)`);
  }
  if (problems.length > 0) {
    throw forbidden("pods", pod.metadata.name, `violates PodSecurity "${level}:latest": ${problems.join(", ")}`);
  }
}
