// Renders infra/k8s (base and every overlay) with `kubectl kustomize`, validates every object
// against its Kubernetes schema (kubernetes-models), and checks what a platform admin relies on.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentedSecretKeys } from "./support/documented-secret-keys";
import { allContainers, findObject, isWorkload, resolveTargetPort, workloadsSelectedBy } from "./support/pod-templates";
import { renderKustomization, type KubeObject } from "./support/render-kustomization";
import { K8S_DIR } from "./support/repo-paths";
import { validateKubeObject } from "./support/validate-kube-object";

const OVERLAYS = readdirSync(join(K8S_DIR, "overlays"));
const TARGETS = ["base", ...OVERLAYS.map((o) => `overlays/${o}`)];
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding"]);
const METRICS_PORTS = new Set([9464, 9465]);

const rendered = new Map<string, KubeObject[]>();
const objectsOf = (target: string): KubeObject[] => {
  const objects = rendered.get(target);
  if (!objects) throw new Error(`${target} was not rendered`);
  return objects;
};
const isUpdraftImage = (image: string) => /^ghcr\.io\/updraft\/(web|scheduler)(:|@|$)/.test(image);

beforeAll(() => {
  for (const target of TARGETS) rendered.set(target, renderKustomization(join(K8S_DIR, target)));
});

describe("infra/k8s renders, and every object is valid Kubernetes", () => {
  it("has the overlays dev and prod", () => {
    expect(OVERLAYS.sort()).toEqual(["dev", "prod"]);
  });

  it.each(TARGETS)("%s: every rendered object passes its schema", (target) => {
    const objects = objectsOf(target);
    expect(objects.length).toBeGreaterThan(10);
    for (const object of objects) validateKubeObject(object);
  });

  it("base is namespace-agnostic; each overlay puts everything in its Namespace, which enforces the restricted Pod Security level", () => {
    expect(objectsOf("base").filter((o) => o.metadata.namespace !== undefined || o.kind === "Namespace")).toEqual([]);
    for (const overlay of OVERLAYS) {
      const objects = objectsOf(`overlays/${overlay}`);
      const namespaces = objects.filter((o) => o.kind === "Namespace");
      expect(namespaces, overlay).toHaveLength(1);
      const namespace = namespaces[0]!;
      expect(namespace.metadata.labels?.["pod-security.kubernetes.io/enforce"], overlay).toBe("restricted");
      for (const object of objects.filter((o) => !CLUSTER_SCOPED.has(o.kind))) {
        expect(object.metadata.namespace, `${overlay}: ${object.kind} ${object.metadata.name}`).toBe(namespace.metadata.name);
      }
      // The scheduler's ClusterRole is bound to its ServiceAccount in that namespace.
      const binding = findObject(objects, "ClusterRoleBinding", "updraft-scheduler");
      expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "updraft-scheduler", namespace: namespace.metadata.name }]);
      findObject(objects, "ServiceAccount", "updraft-scheduler");
    }
  });
});

describe("replicas", () => {
  const replicas = (objects: KubeObject[], kind: string, name: string) => findObject(objects, kind, name).spec.replicas;

  it("base: 2 web pods and 2 scheduler replicas", () => {
    expect(replicas(objectsOf("base"), "Deployment", "updraft-web")).toBe(2);
    expect(replicas(objectsOf("base"), "StatefulSet", "updraft-scheduler")).toBe(2);
  });

  it("dev: one of each", () => {
    expect(replicas(objectsOf("overlays/dev"), "Deployment", "updraft-web")).toBe(1);
    expect(replicas(objectsOf("overlays/dev"), "StatefulSet", "updraft-scheduler")).toBe(1);
  });

  it("prod: the autoscaler owns the web replica count (at least 2), 2 scheduler replicas", () => {
    const prod = objectsOf("overlays/prod");
    expect(replicas(prod, "Deployment", "updraft-web")).toBeUndefined();
    expect(findObject(prod, "HorizontalPodAutoscaler", "updraft-web").spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(replicas(prod, "StatefulSet", "updraft-scheduler")).toBe(2);
  });
});

describe.each(TARGETS)("%s", (target) => {
  it("routes users only to the web app's http port: the Ingress and the web Service never reach a metrics port", () => {
    const objects = objectsOf(target);
    const ingresses = objects.filter((o) => o.kind === "Ingress");
    expect(ingresses.length).toBeGreaterThan(0);
    for (const ingress of ingresses) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const backends = (ingress.spec.rules ?? []).flatMap((rule: any) => rule.http.paths.map((path: any) => path.backend.service));
      if (ingress.spec.defaultBackend) backends.push(ingress.spec.defaultBackend.service);
      expect(backends.length).toBeGreaterThan(0);
      for (const backend of backends) {
        expect(backend.name).toBe("updraft-web");
        const service = findObject(objects, "Service", backend.name);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const port = service.spec.ports.find((p: any) => p.name === backend.port.name || p.port === backend.port.number);
        expect(port, `Ingress ${ingress.metadata.name} → ${backend.name}:${JSON.stringify(backend.port)}`).toBeDefined();
        const pods = workloadsSelectedBy(objects, service.spec.selector).map((w) => w.spec.template.spec);
        const targets = resolveTargetPort(port, pods);
        expect(targets).toEqual([3000]);
      }
    }
    const web = findObject(objects, "Service", "updraft-web");
    const pods = workloadsSelectedBy(objects, web.spec.selector).map((w) => w.spec.template.spec);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const exposed = web.spec.ports.flatMap((p: any) => resolveTargetPort(p, pods));
    expect(exposed.filter((port: number) => METRICS_PORTS.has(port))).toEqual([]);
  });

  it("probes every Updraft container: liveness on /healthz, readiness on /readyz, on a port the container declares", () => {
    const long = allContainers(objectsOf(target)).filter((ref) => !ref.init && ref.workload.kind !== "Job");
    expect(long.filter((ref) => isUpdraftImage(ref.container.image)).map((ref) => ref.container.name).sort()).toEqual(["scheduler", "web"]);
    for (const { where, container } of long) {
      expect(container.livenessProbe, where).toBeDefined();
      expect(container.readinessProbe, where).toBeDefined();
      if (!isUpdraftImage(container.image)) continue;
      expect(container.livenessProbe.httpGet?.path, where).toBe("/healthz");
      expect(container.readinessProbe.httpGet?.path, where).toBe("/readyz");
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const declared = (container.ports ?? []).map((p: any) => p.name);
      expect(declared, where).toContain(container.livenessProbe.httpGet.port);
      expect(declared, where).toContain(container.readinessProbe.httpGet.port);
    }
  });

  it("gives the web pods time to drain: the grace period outlasts the drain delay, the shutdown timeout and the primary's 3 s margin", () => {
    for (const deployment of objectsOf(target).filter((o) => o.kind === "Deployment" && o.metadata.name === "updraft-web")) {
      const spec = deployment.spec.template.spec;
      const web = spec.containers.find((c: { name: string }) => c.name === "web");
      const env = (name: string) => Number(web.env.find((e: { name: string }) => e.name === name)?.value ?? 0);
      expect(env("UPDRAFT_DRAIN_DELAY_MS")).toBeGreaterThan(0);
      expect(spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(env("UPDRAFT_DRAIN_DELAY_MS") + env("UPDRAFT_SHUTDOWN_TIMEOUT_MS") + 3000);
    }
  });

  it("runs every container as a non-root user, read-only, without privileges, under the runtime's seccomp profile", () => {
    for (const { where, container, podSpec } of allContainers(objectsOf(target))) {
      const pod = podSpec.securityContext ?? {};
      const own = container.securityContext ?? {};
      expect(own.runAsNonRoot ?? pod.runAsNonRoot, where).toBe(true);
      expect(own.runAsUser ?? pod.runAsUser, where).toBeGreaterThan(0);
      expect((own.seccompProfile ?? pod.seccompProfile)?.type, where).toBe("RuntimeDefault");
      expect(own.allowPrivilegeEscalation, where).toBe(false);
      expect(own.readOnlyRootFilesystem, where).toBe(true);
      expect(own.capabilities?.drop, where).toEqual(["ALL"]);
      // A read-only root filesystem needs a writable /tmp.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const tmp = (container.volumeMounts ?? []).find((m: any) => m.mountPath === "/tmp");
      expect(tmp, `${where}: /tmp mount`).toBeDefined();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(podSpec.volumes.find((v: any) => v.name === tmp.name)?.emptyDir, `${where}: /tmp is an emptyDir`).toBeDefined();
    }
  });

  it("migrates before rollout: a Job runs `updraft-ops migrate`, and web and scheduler pods wait for it in an init container of the same image", () => {
    const objects = objectsOf(target);
    const job = findObject(objects, "Job", "updraft-migrate");
    const [migrate] = job.spec.template.spec.containers;
    expect(migrate.command).toEqual(["node", "dist/updraft-ops.mjs", "migrate"]);
    expect(migrate.image).toMatch(/^ghcr\.io\/updraft\/scheduler/);
    for (const [kind, name] of [["Deployment", "updraft-web"], ["StatefulSet", "updraft-scheduler"]] as const) {
      const init = findObject(objects, kind, name).spec.template.spec.initContainers ?? [];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const wait = init.find((c: any) => c.name === "wait-for-migrations");
      expect(wait, `${kind} ${name}`).toBeDefined();
      expect(wait.command).toEqual(["node", "dist/updraft-ops.mjs", "wait-for-migrations"]);
      expect(wait.image).toBe(migrate.image);
    }
  });

  it("gives each scheduler replica a stable identity: a StatefulSet whose id comes from the pod's name", () => {
    const objects = objectsOf(target);
    expect(objects.filter((o) => o.metadata.name === "updraft-scheduler" && o.kind === "Deployment")).toEqual([]);
    const scheduler = findObject(objects, "StatefulSet", "updraft-scheduler");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const container = scheduler.spec.template.spec.containers.find((c: any) => c.name === "scheduler");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e]));
    expect(env.POD_NAME.valueFrom.fieldRef.fieldPath).toBe("metadata.name");
    expect(env.POD_NAMESPACE.valueFrom.fieldRef.fieldPath).toBe("metadata.namespace");
    expect(container.command.join(" ")).toContain('updraft-ops.mjs scheduler-id "$POD_NAMESPACE/$POD_NAME"');
    expect(container.command.join(" ")).toContain("exec node dist/main.mjs");
    expect(scheduler.spec.template.spec.serviceAccountName).toBe("updraft-scheduler");
    expect(findObject(objects, "Service", "updraft-scheduler").spec.clusterIP).toBe("None");
    expect(scheduler.spec.serviceName).toBe("updraft-scheduler");
  });

  it("only the scheduler gets a Kubernetes API token", () => {
    for (const workload of objectsOf(target).filter(isWorkload)) {
      const spec = workload.spec.template.spec;
      const where = `${workload.kind} ${workload.metadata.name}`;
      if (workload.metadata.name === "updraft-scheduler") expect(spec.automountServiceAccountToken, where).not.toBe(false);
      else expect(spec.automountServiceAccountToken, where).toBe(false);
    }
  });

  it("takes secrets only from `updraft-secrets`, by keys infra/README.md documents, and settings from a ConfigMap that exists", () => {
    const objects = objectsOf(target);
    const documented = documentedSecretKeys();
    for (const { where, container } of allContainers(objects)) {
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref) {
          expect(ref.name, `${where}: ${env.name}`).toBe("updraft-secrets");
          expect([...documented], `${where}: ${env.name} reads key ${ref.key}, which infra/README.md does not list`).toContain(ref.key);
        }
        const configRef = env.valueFrom?.configMapKeyRef;
        if (configRef) findObject(objects, "ConfigMap", configRef.name);
      }
      for (const source of container.envFrom ?? []) {
        expect(source.secretRef, `${where}: envFrom a whole Secret`).toBeUndefined();
        if (source.configMapRef) findObject(objects, "ConfigMap", source.configMapRef.name);
      }
    }
  });

  it("has a PodDisruptionBudget for the web pods and one for the scheduler replicas", () => {
    const objects = objectsOf(target);
    for (const component of ["web", "scheduler"]) {
      const budgets = objects.filter(
        (o) => o.kind === "PodDisruptionBudget" && workloadsSelectedBy(objects, o.spec.selector.matchLabels).some((w) => w.spec.template.metadata.labels["app.kubernetes.io/component"] === component),
      );
      expect(budgets, component).toHaveLength(1);
    }
  });

  it("tells Prometheus where each process's metrics are, on the port the container calls `metrics`", () => {
    for (const { where, container, workload } of allContainers(objectsOf(target)).filter((ref) => !ref.init && ref.workload.kind !== "Job" && isUpdraftImage(ref.container.image))) {
      const annotations = workload.spec.template.metadata.annotations ?? {};
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const metrics = container.ports.find((p: any) => p.name === "metrics");
      expect(annotations["prometheus.io/scrape"], where).toBe("true");
      expect(annotations["prometheus.io/path"], where).toBe("/metrics");
      expect(Number(annotations["prometheus.io/port"]), where).toBe(metrics.containerPort);
      expect(METRICS_PORTS.has(metrics.containerPort), where).toBe(true);
    }
  });
});

describe("overlays", () => {
  it.each(OVERLAYS)("%s pins a tag of both Updraft images", (overlay) => {
    for (const { where, container } of allContainers(objectsOf(`overlays/${overlay}`)).filter((ref) => isUpdraftImage(ref.container.image))) {
      expect(container.image, where).toMatch(/^ghcr\.io\/updraft\/(web|scheduler):[\w.-]+$/);
    }
  });

  it("dev runs Postgres in the cluster: a StatefulSet with a volume claim, its Service, and a dev Secret pointing at it", () => {
    const dev = objectsOf("overlays/dev");
    const postgres = findObject(dev, "StatefulSet", "updraft-postgres");
    expect(postgres.spec.replicas).toBe(1);
    expect(postgres.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    const service = findObject(dev, "Service", "updraft-postgres");
    expect(workloadsSelectedBy(dev, service.spec.selector).map((w) => w.metadata.name)).toEqual(["updraft-postgres"]);
    const secret = findObject(dev, "Secret", "updraft-secrets");
    const data = Object.fromEntries(Object.entries<string>(secret.data).map(([key, value]) => [key, Buffer.from(value, "base64").toString("utf8")]));
    expect(new URL(data.DATABASE_URL!).host).toBe("updraft-postgres:5432");
    expect(Buffer.from(data.UPDRAFT_SECRET_KEY!, "base64")).toHaveLength(32);
    for (const value of Object.values(data)) expect(value).toMatch(/dev|updraft-postgres|DEV|admin@updraft\.local|ZGV2/);
    // Every key a container needs (non-optional reference) is in the dev Secret.
    for (const { where, container } of allContainers(dev)) {
      for (const env of container.env ?? []) {
        const ref = env.valueFrom?.secretKeyRef;
        if (ref && !ref.optional) expect(Object.keys(data), `${where}: ${env.name}`).toContain(ref.key);
      }
    }
  });

  it("prod uses no Postgres of its own and creates no Secret (you create `updraft-secrets`)", () => {
    const prod = objectsOf("overlays/prod");
    expect(prod.filter((o) => /postgres/.test(o.metadata.name))).toEqual([]);
    expect(prod.filter((o) => o.kind === "Secret")).toEqual([]);
  });

  it("prod autoscales the web Deployment on CPU", () => {
    const prod = objectsOf("overlays/prod");
    const hpa = findObject(prod, "HorizontalPodAutoscaler", "updraft-web");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "updraft-web" });
    expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    expect(hpa.spec.metrics).toEqual([{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: expect.any(Number) } } }]);
  });

  it("prod sets cpu and memory requests and limits on every container, init containers and the Job included", () => {
    const containers = allContainers(objectsOf("overlays/prod"));
    expect(containers.length).toBeGreaterThanOrEqual(5);
    for (const { where, container } of containers) {
      for (const bound of ["requests", "limits"]) {
        for (const resource of ["cpu", "memory"]) expect(container.resources?.[bound]?.[resource], `${where}: ${bound}.${resource}`).toBeDefined();
      }
    }
  });

  it("prod spreads web pods and scheduler replicas over nodes (and zones when it can)", () => {
    const prod = objectsOf("overlays/prod");
    for (const [kind, name] of [["Deployment", "updraft-web"], ["StatefulSet", "updraft-scheduler"]] as const) {
      const template = findObject(prod, kind, name).spec.template;
      const constraints = template.spec.topologySpreadConstraints ?? [];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      expect(constraints.map((c: any) => c.topologyKey).sort(), name).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
      for (const constraint of constraints) {
        for (const [key, value] of Object.entries(constraint.labelSelector.matchLabels)) expect(template.metadata.labels[key], name).toBe(value);
      }
    }
  });
});

describe("ops/rotate-secret-key", () => {
  it("is a valid one-off Job running `updraft-ops rotate-secret-key` with the keys it needs, restricted like the rest", () => {
    const objects = renderKustomization(join(K8S_DIR, "ops", "rotate-secret-key"));
    for (const object of objects) validateKubeObject(object);
    const job = findObject(objects, "Job", "updraft-rotate-secret-key");
    expect(job.metadata.namespace).toBe(findObject(objectsOf("overlays/prod"), "Namespace", "updraft").metadata.name);
    const [container] = job.spec.template.spec.containers;
    expect(container.command).toEqual(["node", "dist/updraft-ops.mjs", "rotate-secret-key"]);
    expect(container.image).toMatch(/^ghcr\.io\/updraft\/scheduler:[\w.-]+$/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(container.env.map((e: any) => e.valueFrom.secretKeyRef.key).sort()).toEqual(["DATABASE_URL", "UPDRAFT_PREVIOUS_SECRET_KEYS", "UPDRAFT_SECRET_KEY"]);
    for (const key of ["DATABASE_URL", "UPDRAFT_PREVIOUS_SECRET_KEYS", "UPDRAFT_SECRET_KEY"]) expect([...documentedSecretKeys()]).toContain(key);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    expect(job.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  });
});
