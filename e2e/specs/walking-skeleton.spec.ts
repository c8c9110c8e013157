import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/launch-chromium";
import { waitForHydration } from "../support/wait-for-hydration";
import { waitUntil } from "@updraft/config/wait-until";
import { PAGE_ACTION_TIMEOUT_MS } from "../support/page-timeouts";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(join(here, "../fixtures", name), "utf8");
const artifacts = join(here, "../artifacts");

const baseUrl = inject("baseUrl");
const email = inject("adminEmail");
const password = inject("adminPassword");

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(withPassword: string) {
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(withPassword);
  const callback = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await callback;
}

/** The state badge of one task on the run page (lower-case Airflow state names). */
const taskState = (taskId: string) => page.locator(`tr[data-task-id="${taskId}"] [data-state]`).first();

describe("a new user's first pipeline (walking skeleton)", () => {
  it("signs in, refusing a wrong password with a clear message", async () => {
    await page.goto(baseUrl);
    await page.waitForURL(/\/signin/);
    await signIn("not-the-password");
    await expect.poll(() => page.locator("form [role=alert]").innerText()).toContain("Wrong e-mail or password.");

    await signIn(password);
    await page.getByRole("heading", { name: "Choose a tenant" }).waitFor();
    await expect.poll(() => page.getByTestId("user-email").innerText()).toBe(email);
  });

  it("picks the tenant and rejects an invalid DAG with every error as file:line:col path: message", async () => {
    await page.getByRole("link", { name: /Acme Data/ }).click();
    await page.getByRole("heading", { name: "DAGs", exact: true }).waitFor();

    await waitForHydration(page);

    await page.getByLabel("DAG source").fill(fixture("broken.yaml"));
    await page.getByLabel("File name").fill("broken.yaml");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const rejected = page.getByRole("alert").filter({ hasText: "Upload rejected" });
    await rejected.waitFor();
    const errors = await rejected.locator("li").allInnerTexts();
    expect(errors).toEqual([
      expect.stringMatching(/^broken\.yaml:1:1 start_date: missing required key "start_date"/),
      expect.stringMatching(/^broken\.yaml:2:11 schedule: unknown schedule preset "@dayly".*\(did you mean "@daily"\?\)$/),
      'broken.yaml:7:18 tasks[1].depends_on[0]: unknown task "extrat" (did you mean "extract"?)',
    ]);
    // Nothing was stored.
    expect(await page.locator('tr[data-dag-id="broken"]').count()).toBe(0);
  });

  it("uploads a valid DAG with the file picker and lists it", async () => {
    await page.getByLabel("Choose file").setInputFiles({
      name: "e2e_pipeline.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(fixture("e2e_pipeline.yaml")),
    });
    await expect.poll(() => page.getByRole("status").innerText()).toContain("Stored e2e_pipeline version 1");
    const row = page.locator('tr[data-dag-id="e2e_pipeline"]');
    await row.waitFor();
    expect(await page.getByRole("switch", { name: "Pause e2e_pipeline" }).getAttribute("aria-checked")).toBe("false");
  });

  it("opens the DAG, triggers it with params and watches the run live until success", async () => {
    await page.getByRole("link", { name: "e2e_pipeline", exact: true }).click();
    // The DAG page opens on the Grid; the task list is on the Graph tab.
    await page.getByRole("tab", { name: "Graph" }).click();
    await page.getByRole("heading", { name: "Tasks" }).waitFor();
    await expect.poll(() => page.locator('li[data-task-id="load"]').innerText()).toContain("extract");

    await page.getByRole("button", { name: "Trigger", exact: true }).click();
    await waitForHydration(page);
    await page.getByLabel("Params (JSON)").fill('{"greeting": "hi from e2e"}');
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);

    // Live: the page is never reloaded, yet the states move on by themselves.
    const seen = new Set<string>();
    let runState = "";
    await waitUntil(
      async () => {
        const state = await taskState("transform").getAttribute("data-state").catch(() => null);
        if (state) seen.add(state.toLowerCase());
        runState = ((await page.getByTestId("run-state").getAttribute("data-state")) ?? "").toLowerCase();
        return runState === "success" || runState === "failed";
      },
      () => `the run to end (run state "${runState}", transform seen ${[...seen].join(", ") || "in no state yet"})`,
      { pollMs: 100 },
    );
    expect(runState).toBe("success");
    expect(seen.has("running")).toBe(true);
    expect(seen.has("success")).toBe(true);
    for (const task of ["extract", "transform", "load"]) {
      expect((await taskState(task).getAttribute("data-state"))?.toLowerCase()).toBe("success");
    }
  });

  it("shows a task's stdout and stderr in its log", async () => {
    await page.getByRole("button", { name: "transform", exact: true }).click();
    await page.getByRole("heading", { name: "Log: transform" }).waitFor();
    const output = page.getByTestId("log-output");
    await expect.poll(() => output.innerText()).toContain("transform step 3");
    const stderr = await output.locator('[data-stream="stderr"]').allInnerTexts();
    expect(stderr.some((text) => text.includes("oops"))).toBe(true);

    await page.getByRole("button", { name: "load", exact: true }).click();
    await expect.poll(() => page.getByTestId("log-output").innerText()).toContain("hi from e2e from load");
    await page.screenshot({ path: join(artifacts, "run-success.png"), fullPage: true });
  });

  it("streams a running task's log before it finishes", async () => {
    await page.getByRole("link", { name: "e2e_pipeline" }).first().click();
    await page.getByRole("button", { name: "Trigger", exact: true }).click();
    await page.getByRole("button", { name: "Start run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "extract", exact: true }).click();
    const output = page.getByTestId("log-output");
    await expect.poll(() => output.innerText()).toContain("extracting");
    // The first line is on screen while the task is still sleeping.
    expect(await taskState("extract").getAttribute("data-state")).toBe("running");
    await expect.poll(() => output.innerText()).toContain("extracted");
  });
});
