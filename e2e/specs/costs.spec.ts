import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@updraft/db";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/launch-chromium";
import { waitForHydration } from "../support/wait-for-hydration";

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

/** Known costs per (DAG, task, day); the dashboard's total must be their sum. */
const seeded = [
  { dag: 0, taskId: "extract", day: 1, tries: 2, cost: 1.25 },
  { dag: 0, taskId: "extract", day: 2, tries: 1, cost: 0.5 },
  { dag: 0, taskId: "load", day: 2, tries: 3, cost: 2.125 },
  { dag: 1, taskId: "train", day: 1, tries: 1, cost: 40.3 },
  { dag: 1, taskId: "train", day: 3, tries: 1, cost: 12.02 },
  { dag: 1, taskId: "evaluate", day: 3, tries: 4, cost: 0.805 },
];
const seededTotal = seeded.reduce((sum, r) => sum + r.cost, 0);
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

const db = createDb(databaseUrl);
let dagDbIds: string[] = [];
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: tenant }, select: { id: true } });
  const dags = await Promise.all(dagIds.map((dagId) => db.dag.create({ data: { tenantId: acme.id, dagId }, select: { id: true } })));
  dagDbIds = dags.map((d) => d.id);
  await db.costRollup.createMany({
    data: seeded.map((r) => ({
      tenantId: acme.id,
      dagDbId: dagDbIds[r.dag]!,
      taskId: r.taskId,
      day: daysAgo(r.day),
      tries: r.tries,
      cost: r.cost,
      durationSeconds: 600 * r.tries,
      cpuSeconds: 300 * r.tries,
      requestCpuSeconds: 600 * r.tries,
      memoryByteSeconds: 600 * r.tries * 2 ** 28,
      requestMemoryByteSeconds: 600 * r.tries * 2 ** 29,
      gpuSeconds: 0,
    })),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1400 }, locale: "en-US" });
  page.setDefaultTimeout(30_000);
});

afterAll(async () => {
  await browser?.close();
  // The DAGs exist only in the database (no version): leave the demo tenant as the other specs expect it.
  if (dagDbIds.length > 0) {
    await db.costRollup.deleteMany({ where: { dagDbId: { in: dagDbIds } } });
    await db.dag.deleteMany({ where: { id: { in: dagDbIds } } });
  }
  await db.$disconnect();
});

describe("cost dashboard", () => {
  it("shows the seeded rollups' total in USD for the seeded DAGs, and Admins get the budget form", async () => {
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
    await expect.poll(() => total.innerText()).toBe(usd.format(seededTotal));
    expect(usd.format(seededTotal)).toBe("$57.00");
    await expect.poll(() => page.getByTestId("cost-over-time-chart").count()).toBe(1);

    // The budget form shows the server's refusal.
    const budget = page.getByRole("form", { name: "Monthly budget" });
    await budget.getByLabel("Monthly budget (USD)").fill("0");
    await budget.getByRole("button", { name: "Save budget" }).click();
    await expect.poll(() => budget.getByRole("alert").innerText()).toContain("above 0");

    await page.screenshot({ path: join(artifacts, "costs-dashboard.png"), fullPage: true });
  });
});
