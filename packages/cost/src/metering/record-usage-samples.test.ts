import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@updraft/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateRun, triggerDagRun, startTaskTry } from "@updraft/engine";
import { ensureJobQueue, finish, instance, newTenant, SCHEDULER, uploadDag } from "@updraft/engine/testing";
import { recordUsageSamples } from "./record-usage-samples";

const t = useTestDatabase();
let tenantId: string;
let dagDbId: string;

/** The scheduler's key format (`executorKey` in @updraft/executor). */
const keyOf = (taskInstanceId: string, tryNumber: number) => `ti-${taskInstanceId.replaceAll("-", "")}-t${tryNumber}`;

async function runningTry(taskId: string, schedulerId = SCHEDULER.schedulerId) {
  const run = await triggerDagRun(t.db, { tenantId, dagDbId, triggeredById: null });
  await evaluateRun(t.db, run.id);
  const ti = await instance(t.db, run.id, taskId);
  const key = keyOf(ti.id, ti.tryNumber);
  const launch = await startTaskTry(t.db, { taskInstanceId: ti.id, tryNumber: ti.tryNumber, executorKey: key, schedulerId, hostname: "h" });
  if (!launch) throw new Error("no queued try");
  const row = await t.db.taskTry.findUniqueOrThrow({ where: { taskInstanceId_tryNumber: { taskInstanceId: ti.id, tryNumber: ti.tryNumber } } });
  return { key, launch, tryId: row.id };
}

beforeAll(async () => {
  await ensureJobQueue(t.url);
  tenantId = await newTenant(t.db, "meter");
  dagDbId = await uploadDag(t.db, tenantId, `
dag_id: meter
schedule: null
tasks:
  - task_id: work
    command: ["true"]
`);
});

describe("recordUsageSamples", () => {
  it("stores one sample per reading of this scheduler's RUNNING tries, and nothing for other keys", async () => {
    const local = await runningTry("work");
    const kube = await runningTry("work");
    const other = await runningTry("work", randomUUID());
    const ended = await runningTry("work");
    await finish(t.db, ended.launch);
    const now = new Date("2024-05-01T12:00:00.000Z");

    const stored = await recordUsageSamples(
      t.db,
      [
        { key: local.key, cpuSecondsTotal: 1.25, memoryBytes: 1_000_000 },
        { key: kube.key, cpuCores: 0.5, memoryBytes: 200 * 2 ** 20 },
        { key: other.key, cpuCores: 1, memoryBytes: 1 }, // another replica's try
        { key: ended.key, cpuCores: 1, memoryBytes: 1 }, // ended meanwhile
        { key: "ti-not-a-key", cpuCores: 1, memoryBytes: 1 },
        { key: keyOf(randomUUID(), 1), cpuCores: 1, memoryBytes: 1 },
      ],
      SCHEDULER.schedulerId,
      now,
    );

    expect(stored).toBe(2);
    const samples = await t.db.usageSample.findMany({ where: { taskTryId: { in: [local.tryId, kube.tryId, other.tryId, ended.tryId] } } });
    const byTry = new Map(samples.map(({ id: _id, ...sample }) => [sample.taskTryId, sample]));
    expect(byTry).toEqual(
      new Map([
        [local.tryId, { taskTryId: local.tryId, sampledAt: now, cpuSecondsTotal: 1.25, cpuCores: null, memoryBytes: 1_000_000n }],
        [kube.tryId, { taskTryId: kube.tryId, sampledAt: now, cpuSecondsTotal: null, cpuCores: 0.5, memoryBytes: BigInt(200 * 2 ** 20) }],
      ]),
    );
  });

  it("does nothing for no readings", async () => {
    expect(await recordUsageSamples(t.db, [], SCHEDULER.schedulerId)).toBe(0);
  });
});
