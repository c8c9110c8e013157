export { startFakeKubeApi, type FakeKubeApi, type FakeKubeApiOptions, type FakeKubeState } from "./start-fake-kube-api";
export type { PodScript } from "./pod-script";
export type { RecordedRequest } from "./recorded-request";
export { WRITE_VERBS } from "./recorded-request";
export type { FailNextOptions } from "./fault-injector";
export type { KubeObject } from "./kube-object";
