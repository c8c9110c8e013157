import { createTenant } from "@updraft/db";
import { useTestDatabase } from "@updraft/db/testing";
import { executorKey } from "@updraft/executor";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import type { LaunchObservation } from "../instrumentation/scheduler-observer";
import { startScheduler, type RunningScheduler } from "../start-scheduler";
import { createRuns, uploadDag, waitForRunsToFinish } from "./ha-fixtures";
import { TEST_KEYRING } from "../testing/test-keyring";

const t = useTestDatabase();
const replicas: RunningScheduler[] = [];

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
});

const DAGS = 20;
const RUNS_PER_DAG = 10;

describe("two scheduler replicas on one database", () => {
  it("launch every task try of 200 runs exactly once between them", async () => {
    const tenant = await createTenant(t.db, { slug: "acme", name: "Acme" });
    const dags = [];
    for (let d = 0; d < DAGS; d++) {
      dags.push(
        await uploadDag(
          t.db,
          tenant.id,
          `
dag_id: fan_${d}
schedule: null
tasks:
  - task_id: extract
    command: ["true"]
  - task_id: transform
    depends_on: [extract]
    command: ["true"]
  - task_id: report
    depends_on: [extract]
    command: ["true"]
`,
        ),
      );
    }

    // Both replicas count every executor launch in memory, as it happens.
    const launches: LaunchObservation[] = [];
    const observer = { onLaunch: (l: LaunchObservation) => void launches.push(l) };
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startScheduler({
          keyring: TEST_KEYRING,
          databaseUrl: t.url,
          executor: "noop",
          noopDurationMs: 5,
          concurrency: 8,
          pollIntervalMs: 500,
          observer,
          logger: pino({ level: "silent" }),
        }),
      );
    }

    const runIds = await createRuns(
      t.db,
      dags.flatMap((dag) => Array.from({ length: RUNS_PER_DAG }, (_, r) => ({ dag, runId: `ha__${r}` }))),
    );
    await waitForRunsToFinish(t.db, runIds);

    const runs = await t.db.dagRun.findMany({ where: { id: { in: runIds } }, select: { state: true } });
    expect(runs.filter((r) => r.state !== "SUCCESS")).toEqual([]);
    const instances = await t.db.taskInstance.findMany({ where: { dagRunId: { in: runIds } }, include: { tries: true } });
    expect(instances).toHaveLength(DAGS * RUNS_PER_DAG * 3);

    const launchesPerKey = new Map<string, LaunchObservation[]>();
    for (const l of launches) launchesPerKey.set(l.key, [...(launchesPerKey.get(l.key) ?? []), l]);
    const launchedTwice = [...launchesPerKey].filter(([, ls]) => ls.length > 1).map(([key]) => key);
    expect(launchedTwice).toEqual([]);
    expect(launches.filter((l) => l.adopted)).toEqual([]);

    for (const ti of instances) {
      expect(ti.state).toBe("SUCCESS");
      // One try each (nobody died), one task_tries row for it, launched once by the replica that claimed it.
      expect(ti.tryNumber).toBe(1);
      expect(ti.tries.map((x) => x.tryNumber)).toEqual([1]);
      const launched = launchesPerKey.get(executorKey(ti.id, 1));
      expect(launched, `try 1 of ${ti.id} was never launched`).toHaveLength(1);
      expect(ti.tries[0]!.schedulerId).toBe(launched![0]!.schedulerId);
    }
    expect(launches).toHaveLength(instances.length);

    // Both replicas did real work: the test exercised concurrent claiming.
    for (const replica of replicas) {
      expect(launches.filter((l) => l.schedulerId === replica.schedulerId).length).toBeGreaterThan(0);
    }
  });
});
