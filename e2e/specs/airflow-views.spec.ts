import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/launch-chromium";
import { waitForHydration } from "../support/wait-for-hydration";
import { waitUntil } from "@updraft/config/wait-until";
import { PAGE_ACTION_TIMEOUT_MS } from "../support/page-timeouts";

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, "../artifacts");

const baseUrl = inject("baseUrl");
const email = inject("adminEmail");
const password = inject("adminPassword");

// The flaky task fails while this file is missing (and creates it), so try 1
// fails and every later try succeeds. Unique per test run.
const marker = join("/tmp", `updraft-e2e-retry-${randomUUID()}`);
const dagId = "e2e_views";
const dagYaml = `dag_id: ${dagId}
description: Retries, clears and the Airflow views
schedule: null
tasks:
  - task_id: prepare
    command: [sh, -c, "echo preparing; sleep 1"]
  - task_id: flaky
    depends_on: [prepare]
    retries: 1
    retry_delay: 1s
    env:
      GREETING: hello
      API_TOKEN: e2e-not-a-real-token
    command: [sh, -c, "if [ -e ${marker} ]; then echo flaky succeeded; else touch ${marker}; echo flaky failed on purpose >&2; exit 3; fi"]
  - task_id: report
    depends_on: [flaky]
    command: [sh, -c, "echo report done"]
`;

/** Daily, catchup off: only backfills create its past runs. */
const backfillDagYaml = `dag_id: e2e_backfill
schedule: "@daily"
start_date: 2025-01-01
catchup: false
tasks:
  - task_id: load_day
    command: [sh, -c, "echo loading {{ ds }}"]
`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
});
afterAll(async () => {
  await browser?.close();
  rmSync(marker, { force: true });
});

const dagUrl = (tab: string) => `${baseUrl}/t/acme/dags/${dagId}?tab=${tab}`;
const gridCell = (taskId: string) => page.locator(`[data-grid-cell][data-task-id="${taskId}"]`).first();
const panel = () => page.getByTestId("task-instance-panel");
/** What the task itself printed (stdout and stderr), without the system lines that echo the command. */
const taskOutput = async () =>
  (await page.getByTestId("log-output").locator('[data-stream="stdout"], [data-stream="stderr"]').allInnerTexts()).join("");
const attr = (locator: ReturnType<Page["locator"]>, name: string) => locator.getAttribute(name).catch(() => null);

/** Waits until every task's grid cell shows `state`, recording the states seen on the way. */
async function waitForGridStates(expected: Record<string, string>) {
  const seen = new Map<string, Set<string>>();
  await waitUntil(
    async () => {
      let done = true;
      for (const [taskId, state] of Object.entries(expected)) {
        const now = await attr(gridCell(taskId), "data-state");
        if (now) seen.set(taskId, (seen.get(taskId) ?? new Set()).add(now));
        if (now !== state) done = false;
      }
      return done;
    },
    () => `the grid to reach ${JSON.stringify(expected)}; states seen: ${JSON.stringify(Object.fromEntries([...seen].map(([k, v]) => [k, [...v]])))}`,
    { pollMs: 100 },
  );
  return seen;
}

describe("the Airflow views: grid, graph, gantt, task tries, clear, pools", () => {
  it("signs in and uploads a DAG with a task that fails once and is retried", async () => {
    await page.goto(`${baseUrl}/t/acme/dags`);
    await page.waitForURL(/\/signin/);
    await waitForHydration(page);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "DAGs", exact: true }).waitFor();

    await waitForHydration(page);

    await page.getByLabel("DAG source").fill(dagYaml);
    await page.getByLabel("File name").fill("e2e_views.yaml");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain(`Stored ${dagId} version 1`);
  });

  it("triggers it and watches the Grid fill in live: the retried task ends as success on try 2", async () => {
    await page.goto(dagUrl("grid"));
    await page.getByRole("tab", { name: "Grid", selected: true }).waitFor();
    await page.getByText("No runs yet").waitFor();
    await page.getByRole("button", { name: "Trigger", exact: true }).click();
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);

    await page.goto(dagUrl("grid"));
    const seen = await waitForGridStates({ prepare: "success", flaky: "success", report: "success" });
    // The grid was never reloaded, yet it showed the tasks progressing.
    expect(seen.get("report")?.size).toBeGreaterThan(1);
    expect(await attr(gridCell("flaky"), "data-try-number")).toBe("2");
    expect(await attr(gridCell("prepare"), "data-try-number")).toBe("1");
    await expect.poll(() => attr(page.locator("[data-grid-run]").first(), "data-state")).toBe("success");
    expect(await attr(gridCell("flaky"), "title")).toMatch(/Task: flaky\nRun: manual__.*\nState: success/);
    await page.screenshot({ path: join(artifacts, "airflow-grid.png"), fullPage: true });
  });

  it("opens the task instance from a grid cell: try 1 failed and try 2 succeeded, each with its own log", async () => {
    await gridCell("flaky").click();
    await panel().waitFor();
    const tries = panel().getByRole("list", { name: "Tries" });
    await expect.poll(() => tries.locator("li").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-try-number")}:${e.getAttribute("data-state")}`))).toEqual([
      "1:failed",
      "2:success",
    ]);

    // The latest try is shown first.
    await expect.poll(taskOutput).toContain("flaky succeeded");
    expect(await taskOutput()).not.toContain("failed on purpose");
    expect(await page.getByTestId("try-exit-code").innerText()).toBe("0");

    await tries.getByRole("button", { name: /Try 1/ }).click();
    await expect.poll(taskOutput).toContain("flaky failed on purpose");
    expect(await taskOutput()).not.toContain("flaky succeeded");
    expect(await page.getByTestId("try-exit-code").innerText()).toBe("3");
    expect(await page.getByTestId("rendered-command").innerText()).toContain(marker);
    const env = page.getByTestId("rendered-env");
    expect(await env.locator("tr", { hasText: "GREETING" }).innerText()).toContain("hello");
    expect(await env.locator("tr", { hasText: "API_TOKEN" }).innerText()).toContain("***");
    expect(await panel().innerText()).not.toContain("e2e-not-a-real-token");
    await page.screenshot({ path: join(artifacts, "airflow-task-instance.png"), fullPage: true });
  });

  it("colours the Graph by the selected run's states", async () => {
    await page.getByRole("tab", { name: "Graph" }).click();
    await page.getByTestId("dag-graph").waitFor();
    for (const taskId of ["prepare", "flaky", "report"]) {
      await expect.poll(() => attr(page.locator(`[data-graph-node="${taskId}"]`), "data-state")).toBe("success");
    }
    expect(await page.getByLabel("Run").locator("option").count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "airflow-graph.png"), fullPage: true });
  });

  it("draws the retried task's two tries as two bars on one Gantt row", async () => {
    await page.getByRole("tab", { name: "Gantt" }).click();
    await page.getByTestId("gantt-chart").waitFor();
    const flakyBars = page.locator('[data-gantt-bar][data-task-id="flaky"]');
    await expect.poll(() => flakyBars.count()).toBe(2);
    expect(await flakyBars.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-try-number")}:${e.getAttribute("data-state")}`))).toEqual([
      "1:failed",
      "2:success",
    ]);
    expect(await flakyBars.nth(1).locator("text").textContent()).toBe("try 2");
    expect(await flakyBars.nth(1).locator('[data-segment="running"]').count()).toBe(1);
    expect(await page.locator('[data-gantt-bar][data-task-id="prepare"]').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, "airflow-gantt.png"), fullPage: true });
  });

  it("clears the task with its downstream and watches it run again as try 3", async () => {
    await page.getByRole("tab", { name: "Grid" }).click();
    await gridCell("flaky").click();
    await panel().waitFor();
    await panel().getByLabel("Include downstream").check();
    await panel().getByRole("button", { name: "Clear", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Clear flaky?" });
    await dialog.getByText("and every task downstream of it").waitFor();
    await dialog.getByRole("button", { name: "Clear", exact: true }).click();
    await expect.poll(() => panel().getByRole("status").innerText()).toMatch(/Cleared .*flaky/);

    await expect.poll(() => attr(gridCell("flaky"), "data-try-number")).toBe("3");
    await waitForGridStates({ flaky: "success", report: "success" });
    expect(await attr(gridCell("report"), "data-try-number")).toBe("2");
    expect(await attr(gridCell("prepare"), "data-try-number")).toBe("1");
    const tries = panel().getByRole("list", { name: "Tries" });
    await expect.poll(() => tries.locator("li").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-try-number")}:${e.getAttribute("data-state")}`))).toEqual([
      "1:failed",
      "2:success",
      "3:success",
    ]);
    await expect.poll(taskOutput).toContain("flaky succeeded");
  });

  it("marks the run failed and then success from the run page, each after a confirm dialog", async () => {
    await page.getByRole("tab", { name: "Grid" }).click();
    await page.locator("[data-grid-run]").first().click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect.poll(() => attr(page.getByTestId("run-state"), "data-state")).toBe("success");

    await page.getByRole("button", { name: "Mark failed" }).click();
    const dialog = page.getByRole("dialog", { name: "Mark run failed?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await dialog.count()).toBe(0);
    expect(await attr(page.getByTestId("run-state"), "data-state")).toBe("success");

    await page.getByRole("button", { name: "Mark failed" }).click();
    await dialog.getByRole("button", { name: "Mark failed" }).click();
    await expect.poll(() => attr(page.getByTestId("run-state"), "data-state")).toBe("failed");

    await page.getByRole("button", { name: "Mark success" }).click();
    await page.getByRole("dialog", { name: "Mark run success?" }).getByRole("button", { name: "Mark success" }).click();
    await expect.poll(() => attr(page.getByTestId("run-state"), "data-state")).toBe("success");
  });

  it("backfills a date range of a daily DAG and shows the server's errors", async () => {
    await page.goto(`${baseUrl}/t/acme/dags`);
    await waitForHydration(page);
    await page.getByLabel("DAG source").fill(backfillDagYaml);
    await page.getByLabel("File name").fill("e2e_backfill.yaml");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain("Stored e2e_backfill version 1");

    await page.goto(`${baseUrl}/t/acme/dags/e2e_backfill?tab=grid`);
    await page.getByRole("button", { name: "Backfill" }).click();
    const form = page.getByRole("form", { name: "Backfill e2e_backfill" });
    await waitForHydration(page);
    await form.getByLabel("Start date").fill("2025-01-03");
    await form.getByLabel("End date").fill("2025-01-01");
    await form.getByRole("button", { name: "Start backfill" }).click();
    await expect.poll(() => form.getByRole("alert").innerText()).toContain("is before its start");

    await form.getByLabel("Start date").fill("2025-01-01");
    await form.getByLabel("End date").fill("2025-01-03");
    await form.getByRole("button", { name: "Start backfill" }).click();
    await expect.poll(() => form.getByTestId("backfill-result").innerText()).toBe("Created 3 runs, skipped 0 (already existed).");
    await form.getByRole("button", { name: "Start backfill" }).click();
    await expect.poll(() => form.getByTestId("backfill-result").innerText()).toBe("Created 0 runs, skipped 3 (already existed).");
    await form.getByRole("button", { name: "Close" }).click();

    // The backfill runs show up in the grid and run to success.
    const backfillRuns = page.locator('[data-grid-run][aria-label^="Run backfill__"]');
    await expect.poll(() => backfillRuns.count()).toBe(3);
    await expect
      .poll(async () => (await backfillRuns.evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).join(","))
      .toBe("success,success,success");
    await page.screenshot({ path: join(artifacts, "airflow-backfill-grid.png"), fullPage: true });
  });

  it("creates a pool and edits its slots from the Pools page", async () => {
    await page.getByRole("navigation", { name: "Tenant" }).getByRole("link", { name: "Pools" }).click();
    await page.getByRole("heading", { name: "Pools", exact: true }).waitFor();
    await page.locator('tr[data-pool="default_pool"]').waitFor();

    await waitForHydration(page);

    await page.getByLabel("Pool name").fill("e2e_gpu");
    await page.getByLabel("Slots", { exact: true }).fill("2");
    await page.getByLabel("Description", { exact: true }).fill("Two GPUs for e2e");
    await page.getByRole("button", { name: "Create pool" }).click();
    const row = page.locator('tr[data-pool="e2e_gpu"]');
    await row.waitFor();
    expect(await row.getByLabel("Slots of e2e_gpu").inputValue()).toBe("2");

    await row.getByLabel("Slots of e2e_gpu").fill("3");
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('tr[data-pool="e2e_gpu"]').getByLabel("Slots of e2e_gpu").inputValue()).toBe("3");
    expect(await page.locator('tr[data-pool="e2e_gpu"]').getByLabel("Description of e2e_gpu").inputValue()).toBe("Two GPUs for e2e");
    await page.screenshot({ path: join(artifacts, "airflow-pools.png"), fullPage: true });
  });
});
