import type { KubeObject } from "./render-kustomization";

/** Kinds whose objects run pods from a template. */
export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "Job"] as const;

export interface ContainerRef {
  /** e.g. "Deployment updraft-web, container web" */
  where: string;
  workload: KubeObject;
  init: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  container: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podSpec: any;
}

export const isWorkload = (object: KubeObject): boolean => (WORKLOAD_KINDS as readonly string[]).includes(object.kind);

/** Every container (init containers too) of every workload, with where it is. */
export function allContainers(objects: KubeObject[]): ContainerRef[] {
  return objects.filter(isWorkload).flatMap((workload) => {
    const podSpec = workload.spec.template.spec;
    const refs = (list: unknown[] | undefined, init: boolean) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (list ?? []).map((container: any) => ({
        where: `${workload.kind} ${workload.metadata.name}, ${init ? "init container" : "container"} ${container.name}`,
        workload,
        init,
        container,
        podSpec,
      }));
    return [...refs(podSpec.initContainers, true), ...refs(podSpec.containers, false)];
  });
}

/** The object of this kind and name, or a thrown error listing what there is. */
export function findObject(objects: KubeObject[], kind: string, name: string): KubeObject {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) {
    throw new Error(`no ${kind} ${name}; rendered: ${objects.map((o) => `${o.kind} ${o.metadata.name}`).join(", ")}`);
  }
  return found;
}

/** A Service port's number, resolving a named targetPort against the pods it selects. */
export function resolveTargetPort(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  servicePort: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  podSpecs: any[],
): number[] {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === "number") return [target];
  return podSpecs.flatMap((spec) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (spec.containers ?? []).flatMap((c: any) => (c.ports ?? []).filter((p: any) => p.name === target).map((p: any) => p.containerPort as number)),
  );
}

/** The workloads whose pod template labels match a selector. */
export function workloadsSelectedBy(objects: KubeObject[], selector: Record<string, string>): KubeObject[] {
  return objects
    .filter(isWorkload)
    .filter((workload) => {
      const labels: Record<string, string> = workload.spec.template.metadata?.labels ?? {};
      return Object.entries(selector).every(([key, value]) => labels[key] === value);
    });
}
