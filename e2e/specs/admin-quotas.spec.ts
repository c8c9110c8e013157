import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createUser } from "@updraft/db";
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
const databaseUrl = inject("databaseUrl");

const tenant = "acme";
const dagId = "e2e_quota_pair";
/** Two tasks that are ready at the same moment; each sleeps long enough to be seen waiting. */
const dagYaml = `dag_id: ${dagId}
description: Two parallel tasks for the max concurrent tasks quota
schedule: null
tasks:
  - task_id: first
    command: [sh, -c, "echo first; sleep 6; echo first done"]
  - task_id: second
    command: [sh, -c, "echo second; sleep 6; echo second done"]
`;
const WAITING = "waiting for quota: 1/1 concurrent tasks";

let browser: Browser;
let page: Page;
/** The demo tenant's max concurrent tasks before this spec changed it (restored at the end). */
let originalMaxConcurrentTasks: string | null = null;
let restored = false;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
});
afterAll(async () => {
  // A failed step must not leave the demo tenant at one task at a time for the other specs.
  if (page && originalMaxConcurrentTasks && !restored) await restoreThroughApi(Number(originalMaxConcurrentTasks));
  await browser?.close();
});

const row = () => page.locator(`tr[data-tenant="${tenant}"]`);
const quotaCell = (kind: string) => row().locator(`td[data-quota="${kind}"]`);
const quotaForm = () => page.getByRole("form", { name: `Quota of ${tenant}` });
const attr = (locator: ReturnType<Page["locator"]>, name: string) => locator.getAttribute(name).catch(() => null);

async function signIn(target: Page, who: string, withPassword: string) {
  await waitForHydration(target);
  await target.getByLabel("E-mail").fill(who);
  await target.getByLabel("Password").fill(withPassword);
  await target.getByRole("button", { name: "Sign in" }).click();
}

async function openAdmin() {
  await page.goto(`${baseUrl}/admin/tenants`);
  await page.getByRole("heading", { name: "Tenants", exact: true }).waitFor();
  await row().waitFor();
}

async function openQuotaForm() {
  await page.getByRole("button", { name: `Edit quota of ${tenant}` }).click();
  await quotaForm().waitFor();
}

async function saveMaxConcurrentTasks(value: string) {
  await openQuotaForm();
  await waitForHydration(page);
  await quotaForm().getByLabel("Max concurrent tasks").fill(value);
  await quotaForm().getByRole("button", { name: "Save quota" }).click();
  await expect.poll(() => quotaForm().getByRole("status").innerText()).toContain("will be re-provisioned");
}

/** Fallback only: puts the quota back with the API (same session cookie) when the UI steps did not get there. */
async function restoreThroughApi(maxConcurrentTasks: number) {
  const list = await page.request.get(`${baseUrl}/api/trpc/platform.tenants.list`);
  const tenants = ((await list.json()) as { result: { data: { json: { id: string; slug: string; quota: object }[] } } }).result
    .data.json;
  const demo = tenants.find((t) => t.slug === tenant);
  if (!demo) return;
  await page.request.post(`${baseUrl}/api/trpc/platform.tenants.setQuota`, {
    data: { json: { tenantId: demo.id, quota: { ...demo.quota, maxConcurrentTasks } } },
  });
}

describe("platform admin: tenant quotas", () => {
  it("keeps the admin page from users who are not platform admins, without an Admin link for them", async () => {
    const db = createDb(databaseUrl, { max: 1 });
    const memberEmail = `not-an-admin-${randomUUID()}@updraft.local`;
    try {
      await createUser(db, { email: memberEmail, password: "member-password-123" });
    } finally {
      await db.$disconnect();
    }
    const context = await browser.newContext();
    context.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
    try {
      const member = await context.newPage();
      await member.goto(`${baseUrl}/admin/tenants`);
      await member.waitForURL(/\/signin\?callbackUrl=%2Fadmin%2Ftenants/);
      await signIn(member, memberEmail, "member-password-123");
      await member.getByRole("heading", { name: "Only platform admins can see this page" }).waitFor();
      expect(await member.getByTestId("tenants-table").count()).toBe(0);
      expect(await member.getByRole("link", { name: "Admin", exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("signs in and opens Admin from the top bar", async () => {
    await page.goto(`${baseUrl}/t`);
    await page.waitForURL(/\/signin/);
    await signIn(page, email, password);
    await page.getByRole("heading", { name: "Choose a tenant" }).waitFor();

    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.waitForURL(/\/admin\/tenants$/);
    await row().waitFor();
    originalMaxConcurrentTasks = await attr(quotaCell("tasks"), "data-hard");
    expect(Number(originalMaxConcurrentTasks)).toBeGreaterThan(1);
    // Only a scheduler on the Kubernetes executor provisions namespaces; this one runs the local executor.
    expect(await attr(row().locator("[data-provisioning]"), "data-provisioning")).toBe("pending");
    await row().getByRole("button", { name: `Re-provision ${tenant}` }).click();
    await expect.poll(() => row().getByRole("status").innerText()).toContain("Re-provisioning queued");
  });

  it("creates a tenant, and deletes it only once its slug is typed", async () => {
    const scratch = "e2e-scratch";
    await page.getByLabel("Slug").fill(scratch);
    await page.getByLabel("Name", { exact: true }).fill("E2E Scratch");
    await page.getByRole("button", { name: "Create tenant" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Created tenant" }).innerText()).toContain(scratch);
    const scratchRow = page.locator(`tr[data-tenant="${scratch}"]`);
    await scratchRow.waitFor();
    expect(await scratchRow.innerText()).toContain("1 member");

    await page.getByRole("button", { name: `Delete ${scratch}` }).click();
    const dialog = page.getByRole("dialog", { name: `Delete tenant ${scratch}?` });
    const confirm = dialog.getByRole("button", { name: "Delete tenant" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${scratch} to confirm`).fill("e2e-scratc");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${scratch} to confirm`).fill(scratch);
    await confirm.click();
    await dialog.waitFor({ state: "detached" });
    await scratchRow.waitFor({ state: "detached" });
    await page.reload();
    await row().waitFor();
    expect(await page.locator(`tr[data-tenant="${scratch}"]`).count()).toBe(0);
  });

  it("shows the server's error for an invalid cpu and saves nothing", async () => {
    const cpuBefore = await attr(quotaCell("cpu"), "data-hard");
    await openQuotaForm();
    await quotaForm().getByLabel("CPU").fill("lots");
    await quotaForm().getByRole("button", { name: "Save quota" }).click();
    const error = quotaForm().getByTestId("quota-error");
    await expect.poll(() => error.innerText()).toMatch(/cpu/i);
    expect(await quotaForm().getByLabel("CPU").getAttribute("aria-invalid")).toBe("true");
    expect(await quotaForm().getByRole("status").count()).toBe(0);

    await page.reload();
    await row().waitFor();
    expect(await attr(quotaCell("cpu"), "data-hard")).toBe(cpuBefore);
  });

  it("sets max concurrent tasks to 1 and still shows it after a reload", async () => {
    await saveMaxConcurrentTasks("1");
    await page.screenshot({ path: join(artifacts, "admin-quotas.png"), fullPage: true });

    await page.reload();
    await row().waitFor();
    expect(await attr(quotaCell("tasks"), "data-hard")).toBe("1");
    await openQuotaForm();
    expect(await quotaForm().getByLabel("Max concurrent tasks").inputValue()).toBe("1");
  });

  it("runs two parallel tasks one at a time, the other shown waiting for quota, and both succeed", async () => {
    await page.goto(`${baseUrl}/t/${tenant}/dags`);
    await waitForHydration(page);
    await page.getByLabel("DAG source").fill(dagYaml);
    await page.getByLabel("File name").fill(`${dagId}.yaml`);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(() => page.getByRole("status").innerText()).toContain(`Stored ${dagId} version 1`);

    await page.goto(`${baseUrl}/t/${tenant}/dags/${dagId}`);
    await page.getByRole("button", { name: "Trigger", exact: true }).click();
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);

    const taskRow = (taskId: string) => page.locator(`tr[data-task-id="${taskId}"]`);
    /** Every task row's state and message, read in one go (never across two renders of the table). */
    const snapshot = () =>
      page.locator("tr[data-task-id]").evaluateAll((rows) =>
        rows.map((r) => ({
          taskId: r.getAttribute("data-task-id") ?? "",
          state: r.querySelector("[data-state]")?.getAttribute("data-state") ?? "",
          message: r.querySelector('[data-testid="task-message"]')?.textContent ?? "",
        })),
      );
    let waitingTask: string | null = null;
    let bothRunningAtOnce = false;
    let runState = "";
    // Until the run ends, however long that takes, watching every render on the way.
    await waitUntil(
      async () => {
        const tasks = await snapshot();
        if (tasks.length === 2 && tasks.every((t) => t.state === "running")) bothRunningAtOnce = true;
        const waiting = tasks.find((t) => t.message.includes(WAITING));
        if (!waitingTask && waiting) {
          waitingTask = waiting.taskId;
          // The task instance panel says the same while the task waits.
          await taskRow(waiting.taskId).getByRole("button", { name: waiting.taskId, exact: true }).click();
          await expect.poll(() => page.getByTestId("task-instance-panel").innerText()).toContain(WAITING);
          await page.screenshot({ path: join(artifacts, "admin-quotas-waiting.png"), fullPage: true });
        }
        runState = ((await attr(page.getByTestId("run-state"), "data-state")) ?? "").toLowerCase();
        return runState === "success" || runState === "failed";
      },
      () => `the run to end (run state "${runState}", waiting task ${waitingTask ?? "none yet"})`,
      { pollMs: 100 },
    );
    expect(waitingTask).not.toBeNull();
    expect(bothRunningAtOnce).toBe(false);
    expect(runState).toBe("success");
    for (const taskId of ["first", "second"]) {
      expect(await attr(taskRow(taskId).locator("[data-state]").first(), "data-state")).toBe("success");
    }
  });

  it("restores the demo tenant's quota for the other specs", async () => {
    await openAdmin();
    await saveMaxConcurrentTasks(originalMaxConcurrentTasks!);
    await page.reload();
    await row().waitFor();
    expect(await attr(quotaCell("tasks"), "data-hard")).toBe(originalMaxConcurrentTasks);
    restored = true;
  });
});
