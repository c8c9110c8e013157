import { randomUUID } from "node:crypto";
import { deepCopy, nowTimestamp, type KubeObject } from "./kube-object";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent {
  resourceVersion: number;
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** The object before a MODIFIED change (for label-selector transitions). */
  previous?: KubeObject;
}

const keyOf = (resource: string, namespace: string | undefined, name: string) => `${resource}|${namespace ?? ""}|${name}`;

/**
 * The double's etcd: objects by resource/namespace/name, one global
 * resourceVersion counter, and a bounded history of changes so watches can
 * resume from a resourceVersion (older than the history → 410 Gone).
 */
export class FakeObjectStore {
  private counter = 1;
  private readonly objects = new Map<string, KubeObject>();
  private history: StoreEvent[] = [];
  /** Every version up to and including this one has been compacted away. */
  private compacted = 0;
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor(private readonly historyLimit = 10_000) {}

  get resourceVersion(): number {
    return this.counter;
  }

  get compactedThrough(): number {
    return this.compacted;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const object = this.objects.get(keyOf(resource, namespace, name));
    return object && deepCopy(object);
  }

  list(resource: string, namespace?: string): KubeObject[] {
    const result: KubeObject[] = [];
    for (const [key, object] of this.objects) {
      if (!key.startsWith(`${resource}|`)) continue;
      if (namespace !== undefined && object.metadata.namespace !== namespace) continue;
      result.push(deepCopy(object));
    }
    return result.sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  }

  create(resource: string, object: KubeObject): KubeObject {
    const stored = deepCopy(object);
    stored.metadata.uid = randomUUID();
    stored.metadata.creationTimestamp = nowTimestamp();
    stored.metadata.generation = 1;
    return this.write(resource, stored, "ADDED", undefined);
  }

  /** Replaces the stored object (the caller checked preconditions). */
  update(resource: string, object: KubeObject): KubeObject {
    const previous = this.objects.get(keyOf(resource, object.metadata.namespace, object.metadata.name));
    if (!previous) throw new Error(`update of missing ${resource} ${object.metadata.name}`);
    const stored = deepCopy(object);
    stored.metadata.uid = previous.metadata.uid;
    stored.metadata.creationTimestamp = previous.metadata.creationTimestamp;
    return this.write(resource, stored, "MODIFIED", previous);
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const key = keyOf(resource, namespace, name);
    const existing = this.objects.get(key);
    if (!existing) return undefined;
    this.objects.delete(key);
    this.counter++;
    const object = deepCopy(existing);
    object.metadata.resourceVersion = String(this.counter);
    this.record({ resourceVersion: this.counter, type: "DELETED", resource, object });
    return deepCopy(object);
  }

  /** Events after `resourceVersion`, or "expired" when some of them were compacted away. */
  eventsSince(resourceVersion: number): StoreEvent[] | "expired" {
    if (resourceVersion < this.compacted) return "expired";
    return this.history.filter((e) => e.resourceVersion > resourceVersion).map((e) => deepCopy(e));
  }

  /** Forgets all history: every watch from an older resourceVersion gets 410 Gone. */
  compact(): void {
    this.history = [];
    this.compacted = this.counter;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(resource: string, object: KubeObject, type: WatchEventType, previous: KubeObject | undefined): KubeObject {
    this.counter++;
    object.metadata.resourceVersion = String(this.counter);
    if (previous && JSON.stringify(previous.spec) !== JSON.stringify(object.spec)) {
      object.metadata.generation = (previous.metadata.generation ?? 1) + 1;
    }
    this.objects.set(keyOf(resource, object.metadata.namespace, object.metadata.name), object);
    this.record({ resourceVersion: this.counter, type, resource, object: deepCopy(object), previous: previous && deepCopy(previous) });
    return deepCopy(object);
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.compacted = dropped.at(-1)!.resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }
}
