import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@updraft/db";
import { finalizeTryUsage } from "@updraft/cost";
import { storeDagUpload } from "@updraft/engine";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/launch-chromium";
import { waitForHydration } from "../support/wait-for-hydration";
import { PAGE_ACTION_TIMEOUT_MS } from "../support/page-timeouts";

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, "../artifacts");

const baseUrl = inject("baseUrl");
const email = inject("adminEmail");
const password = inject("adminPassword");
const databaseUrl = inject("databaseUrl");

const tenant = "acme";
const dagIds = ["e2e_costs_etl", "e2e_costs_train"] as const;
const DAY_MS = 86_400_000;
/** UTC day `n` days before today, inside the dashboard's default 30-day range. */
const daysAgo = (n: number) => new Date(`${new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`);

/**
 * Seeded tries per (DAG, task, day): each try ran `minutes` with the task's requests and no usage samples,
 * and is costed by the engine exactly as when a real try ends. The dashboard's total must equal the sum of
 * their costs.
 */
const seeded = [
  { dag: 0, taskId: "extract", day: 1, tries: 2, minutes: 30 },
  { dag: 0, taskId: "extract", day: 2, tries: 1, minutes: 45 },
  { dag: 0, taskId: "load", day: 2, tries: 3, minutes: 20 },
  { dag: 1, taskId: "train", day: 1, tries: 1, minutes: 600 },
  { dag: 1, taskId: "train", day: 3, tries: 1, minutes: 240 },
  { dag: 1, taskId: "evaluate", day: 3, tries: 4, minutes: 15 },
];
const dagSources = [
  `dag_id: ${dagIds[0]}\nschedule: null\ntasks:\n  - task_id: extract\n    command: ["true"]\n    resources: { requests: { cpu: "2", memory: 4Gi } }\n  - task_id: load\n    depends_on: [extract]\n    command: ["true"]\n`,
  `dag_id: ${dagIds[1]}\nschedule: null\ntasks:\n  - task_id: train\n    command: ["true"]\n    resources: { requests: { cpu: "8", memory: 32Gi } }\n  - task_id: evaluate\n    depends_on: [train]\n    command: ["true"]\n`,
];
/** The requests the DAG files state (tasks without any get the 250m / 256Mi default), copied onto the task instances as a run does. */
const GIB = 2 ** 30;
const requests: Record<string, { requestCpuMillis: number; requestMemoryBytes: bigint } | undefined> = {
  extract: { requestCpuMillis: 2000, requestMemoryBytes: BigInt(4 * GIB) },
  train: { requestCpuMillis: 8000, requestMemoryBytes: BigInt(32 * GIB) },
};
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const db = createDb(databaseUrl);
let dagDbIds: string[] = [];
let seededTotal = 0;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: tenant }, select: { id: true } });
  dagDbIds = [];
  for (const [i, source] of dagSources.entries()) {
    const stored = await storeDagUpload(db, { tenantId: acme.id, fileName: `${dagIds[i]}.yaml`, source, userId: null });
    if (!stored.ok) throw new Error(`seed DAG rejected: ${JSON.stringify(stored.errors)}`);
    dagDbIds.push(stored.dagDbId);
  }
  const tries: { taskInstanceId: string; tryNumber: number }[] = [];
  for (const [i, row] of seeded.entries()) {
    const dag = await db.dag.findUniqueOrThrow({ where: { id: dagDbIds[row.dag]! }, select: { currentVersionId: true } });
    const day = daysAgo(row.day);
    const run = await db.dagRun.create({
      data: {
        tenantId: acme.id, dagDbId: dagDbIds[row.dag]!, dagVersionId: dag.currentVersionId!, runId: `manual__e2e_costs_${i}`,
        runType: "MANUAL", state: "SUCCESS", logicalDate: day, dataIntervalStart: day, dataIntervalEnd: day,
      },
    });
    const ti = await db.taskInstance.create({
      data: {
        tenantId: acme.id, dagRunId: run.id, taskId: row.taskId, state: "SUCCESS", tryNumber: row.tries, maxTries: row.tries,
        ...requests[row.taskId],
      },
    });
    for (let n = 1; n <= row.tries; n++) {
      const startedAt = new Date(day.getTime() + 3_600_000 + (n - 1) * row.minutes * 60_000);
      const endedAt = new Date(startedAt.getTime() + row.minutes * 60_000);
      await db.taskTry.create({
        data: { taskInstanceId: ti.id, tryNumber: n, state: n === row.tries ? "SUCCESS" : "FAILED", queuedAt: startedAt, startedAt, endedAt },
      });
      tries.push({ taskInstanceId: ti.id, tryNumber: n });
    }
  }
  for (const t of tries) await finalizeTryUsage(db, t);
  const costed = await db.taskTry.findMany({ where: { taskInstance: { dagRun: { dagDbId: { in: dagDbIds } } } }, select: { cost: true } });
  expect(costed).toHaveLength(tries.length);
  seededTotal = costed.reduce((sum, t) => sum + Number(t.cost), 0);
  expect(seededTotal).toBeGreaterThan(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 }, locale: "en-US" });
  page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
});

afterAll(async () => {
  await browser?.close();
  // Leave the demo tenant as the other specs expect it.
  if (dagDbIds.length > 0) {
    await db.costRollup.deleteMany({ where: { dagDbId: { in: dagDbIds } } });
    await db.dag.deleteMany({ where: { id: { in: dagDbIds } } });
  }
  await db.$disconnect();
});

describe("cost dashboard", () => {
  it("shows the seeded tries' total cost in USD for the seeded DAGs, and Admins get the budget form", async () => {
    await page.goto(`${baseUrl}/t/${tenant}/costs`);
    await waitForHydration(page);
    if (page.url().includes("/signin")) {
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Costs", exact: true }).waitFor();
      await waitForHydration(page);
    }
    const filters = page.getByRole("form", { name: "Cost filters" });
    const dagSelect = filters.getByLabel("DAGs");
    await dagSelect.locator(`option[value="${dagIds[1]}"]`).waitFor({ state: "attached" });
    // Other specs' real runs cost money too: only the seeded DAGs, so the total is exactly what was seeded.
    await dagSelect.selectOption([...dagIds]);
    await filters.getByRole("button", { name: "Apply" }).click();

    const total = page.getByTestId("cost-total");
    // The sum of the seeded tries' costs, as the engine computed them when each try ended.
    await expect.poll(() => total.innerText()).toBe(usd.format(seededTotal));
    await expect.poll(() => page.getByTestId("cost-over-time-chart").count()).toBe(1);

    // The budget form shows the server's refusal.
    const budget = page.getByRole("form", { name: "Monthly budget" });
    await budget.getByLabel("Monthly budget (USD)").fill("0");
    await budget.getByRole("button", { name: "Save budget" }).click();
    await expect.poll(() => budget.getByRole("alert").innerText()).toContain("above 0");

    await page.screenshot({ path: join(artifacts, "costs-dashboard.png"), fullPage: true });
  });

  it("shows a DAG's cost per run and the estimate of its next run on the DAG's Costs tab", async () => {
    await page.goto(`${baseUrl}/t/${tenant}/dags/${dagIds[1]}?tab=costs`);
    await page.getByRole("heading", { name: "Cost per run" }).waitFor();
    // The 10-hour train run: 10 h × (8 vCPU × $0.031611 + 32 GiB × $0.004237) = $3.88.
    await expect.poll(() => page.locator("main").innerText()).toContain("$3.88");
    await expect.poll(() => page.getByTestId("dag-cost-estimate").innerText()).toMatch(/\$\d/);
    await page.getByTestId("dag-run-cost-chart").waitFor();
    await page.screenshot({ path: join(artifacts, "costs-dag-tab.png"), fullPage: true });
  });
});
