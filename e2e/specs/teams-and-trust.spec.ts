import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/launch-chromium";
import { waitForHydration } from "../support/wait-for-hydration";
import { PAGE_ACTION_TIMEOUT_MS } from "../support/page-timeouts";

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, "../artifacts");

const baseUrl = inject("baseUrl");
const acme = { slug: "acme", email: inject("adminEmail"), password: inject("adminPassword") };
const globex = { slug: inject("otherTenantSlug"), email: inject("otherEmail"), password: inject("otherPassword") };

/** A DAG per tenant whose one task prints a line only that tenant may ever read. */
const dagOf = (dagId: string, marker: string) => `dag_id: ${dagId}
description: Tenant isolation (${marker})
schedule: null
tasks:
  - task_id: hello
    command: [sh, -c, "echo ${marker}"]
`;
const run = randomUUID().slice(0, 8);
const acmeDag = { dagId: "trust_acme", marker: `acme-only-log-line-${run}` };
const globexDag = { dagId: "trust_globex", marker: `globex-only-log-line-${run}` };
const acmeConnPassword = `acme-conn-pw-${run}`;

let browser: Browser;
let acmeContext: BrowserContext;
let globexContext: BrowserContext;
let acmePage: Page;
let globexPage: Page;
/** Run page paths (/t/<slug>/dags/<dagId>/runs/<uuid>) and the run ids, per tenant. */
const runs: Record<string, { path: string; id: string }> = {};

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
  acmeContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  globexContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  acmePage = await acmeContext.newPage();
  globexPage = await globexContext.newPage();
  acmePage.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
  globexPage.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await waitForHydration(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/t$/);
  await expect.poll(() => page.getByTestId("user-email").innerText()).toBe(email);
}

/** Uploads the DAG through the UI, triggers it and waits for the run to succeed; returns the run page path. */
async function uploadAndRun(page: Page, slug: string, dag: { dagId: string; marker: string }) {
  await page.goto(`${baseUrl}/t/${slug}/dags`);
  await waitForHydration(page);
  await page.getByLabel("DAG source").fill(dagOf(dag.dagId, dag.marker));
  await page.getByLabel("File name").fill(`${dag.dagId}.yaml`);
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect.poll(() => page.getByRole("status").innerText()).toContain(`Stored ${dag.dagId} version 1`);

  await page.goto(`${baseUrl}/t/${slug}/dags/${dag.dagId}`);
  await page.getByRole("button", { name: "Trigger", exact: true }).click();
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect
    .poll(async () => ((await page.getByTestId("run-state").getAttribute("data-state")) ?? "").toLowerCase())
    .toBe("success");
  await page.getByRole("button", { name: "hello", exact: true }).click();
  await expect.poll(() => page.getByTestId("log-output").innerText()).toContain(dag.marker);
  const path = new URL(page.url()).pathname;
  runs[slug] = { path, id: path.split("/").at(-1)! };
}

/** A tRPC query over HTTP with the context's session cookie: its HTTP status and raw body. */
async function trpcGet(page: Page, procedure: string, input: object) {
  const url = `${baseUrl}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(url);
  return { status: response.status(), body: await response.text() };
}

/** The page's first alert (not Next.js's empty route announcer, which also has role=alert). */
const alert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)').first();

describe("teams and trust", () => {
  it("gives each tenant's owner their own DAGs and task logs", async () => {
    await signIn(acmePage, acme.email, acme.password);
    await signIn(globexPage, globex.email, globex.password);
    // The globex owner is a member of globex only.
    await globexPage.getByRole("link", { name: /Globex Analytics/ }).waitFor();
    expect(await globexPage.getByRole("link", { name: /Acme Data/ }).count()).toBe(0);

    await uploadAndRun(acmePage, acme.slug, acmeDag);
    await uploadAndRun(globexPage, globex.slug, globexDag);

    for (const [page, own, other] of [
      [acmePage, acmeDag, globexDag],
      [globexPage, globexDag, acmeDag],
    ] as const) {
      const slug = page === acmePage ? acme.slug : globex.slug;
      await page.goto(`${baseUrl}/t/${slug}/dags`);
      await page.locator(`tr[data-dag-id="${own.dagId}"]`).waitFor();
      expect(await page.locator(`tr[data-dag-id="${other.dagId}"]`).count()).toBe(0);
      expect(await page.content()).not.toContain(other.marker);
    }
  });

  it("answers 'not found' when a user opens another tenant's pages, DAGs, runs or logs", async () => {
    const acmeRun = runs[acme.slug]!;
    // Another tenant's URLs, as they are.
    for (const path of [`/t/${acme.slug}/dags`, `/t/${acme.slug}/dags/${acmeDag.dagId}`, acmeRun.path, `/t/${acme.slug}/connections`]) {
      await globexPage.goto(`${baseUrl}${path}`);
      await expect.poll(() => alert(globexPage).innerText()).toContain("Tenant not found");
      expect(await globexPage.content()).not.toContain(acmeDag.marker);
    }
    // Acme's ids under the user's own tenant.
    await globexPage.goto(`${baseUrl}/t/${globex.slug}/dags/${acmeDag.dagId}`);
    await expect.poll(() => alert(globexPage).innerText()).toContain(`DAG "${acmeDag.dagId}" not found in this tenant`);
    await globexPage.goto(`${baseUrl}/t/${globex.slug}/dags/${globexDag.dagId}/runs/${acmeRun.id}`);
    await expect.poll(() => alert(globexPage).innerText()).toContain("Run not found");
    await globexPage.screenshot({ path: join(artifacts, "trust-other-tenant-not-found.png"), fullPage: true });

    // The API behind the pages: acme's task log through either slug.
    const acmeTasks = await trpcGet(acmePage, "runs.get", { tenantSlug: acme.slug, id: acmeRun.id });
    expect(acmeTasks.status).toBe(200);
    const taskInstanceId = /"id":"([0-9a-f-]{36})","taskId":"hello"/.exec(acmeTasks.body)?.[1];
    expect(taskInstanceId).toBeDefined();
    const ownLog = await trpcGet(acmePage, "logs.forTask", { tenantSlug: acme.slug, taskInstanceId });
    expect(ownLog.body).toContain(acmeDag.marker);
    for (const tenantSlug of [acme.slug, globex.slug]) {
      const stolen = await trpcGet(globexPage, "logs.forTask", { tenantSlug, taskInstanceId });
      expect(stolen.status).toBe(404);
      expect(stolen.body).not.toContain(acmeDag.marker);
    }
  });

  it("creates a connection with a password: the table says 'password set' and the password never reaches the page", async () => {
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/connections`);
    await acmePage.getByRole("heading", { name: "Connections", exact: true }).waitFor();
    await waitForHydration(acmePage);
    const form = acmePage.getByRole("form", { name: "New connection" });
    await form.getByLabel("Conn id").fill("warehouse");
    await form.getByLabel("Conn type").fill("postgres");
    await form.getByLabel("Host").fill("db.acme.internal");
    await form.getByLabel("Port").fill("5432");
    await form.getByLabel("Login").fill("etl");
    await form.getByLabel("Schema").fill("analytics");
    await form.getByLabel("Password").fill(acmeConnPassword);
    await form.getByLabel("Extra (JSON object)").fill('{"sslmode": "require"}');
    await form.getByRole("button", { name: "Create connection" }).click();
    await expect.poll(() => acmePage.getByTestId("connections-notice").innerText()).toContain("Created warehouse (password set)");

    const row = acmePage.locator('tr[data-conn-id="warehouse"]');
    await expect.poll(() => row.getByTestId("connection-password").innerText()).toContain("password set");
    expect(await row.innerText()).toContain("db.acme.internal");
    // The exported URI redacts the password.
    expect(await row.getByTestId("connection-uri").innerText()).toBe("postgres://etl:***@db.acme.internal:5432/analytics?sslmode=require");
    expect(await acmePage.content()).not.toContain(acmeConnPassword);

    // Editing shows that a password is set, never the password.
    await row.getByRole("button", { name: "Edit warehouse" }).click();
    const edit = acmePage.getByRole("form", { name: "Edit connection warehouse" });
    await edit.getByText("A password is set").waitFor();
    expect(await edit.getByLabel("Keep the current password").isChecked()).toBe(true);
    expect(await acmePage.content()).not.toContain(acmeConnPassword);
    await acmePage.screenshot({ path: join(artifacts, "trust-connections.png"), fullPage: true });

    await acmePage.reload();
    await row.waitFor();
    expect(await acmePage.content()).not.toContain(acmeConnPassword);

    // The other tenant has no such connection.
    await globexPage.goto(`${baseUrl}/t/${globex.slug}/connections`);
    await globexPage.getByText("No connections yet.").waitFor();
    expect(await globexPage.content()).not.toContain("db.acme.internal");
  });

  it("sets a secret without ever showing it, and masks it and the connection's password in task logs", async () => {
    const secretValue = `acme-secret-value-${run}`;
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/secrets`);
    await acmePage.getByRole("heading", { name: "Secrets", exact: true }).waitFor();
    await waitForHydration(acmePage);
    const form = acmePage.getByRole("form", { name: "New secret" });
    await form.getByLabel("Name").fill("api_token");
    await form.getByLabel("Value").fill(secretValue);
    await form.getByRole("button", { name: "Create secret" }).click();
    await expect.poll(() => acmePage.getByTestId("secrets-notice").innerText()).toContain("Created api_token; tasks get it as API_TOKEN");
    const row = acmePage.locator('tr[data-secret="api_token"]');
    await row.waitFor();
    expect(await row.innerText()).toContain("value set");
    expect(await acmePage.content()).not.toContain(secretValue);
    await acmePage.screenshot({ path: join(artifacts, "trust-secrets.png"), fullPage: true });

    const dagId = "trust_masking";
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/dags`);
    await waitForHydration(acmePage);
    await acmePage.getByLabel("DAG source").fill(`dag_id: ${dagId}
schedule: null
tasks:
  - task_id: hello
    secrets: [api_token]
    connections: [warehouse]
    command: [sh, -c, "echo token=$API_TOKEN; echo conn=$UPDRAFT_CONN_WAREHOUSE; echo done"]
`);
    await acmePage.getByLabel("File name").fill(`${dagId}.yaml`);
    await acmePage.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(() => acmePage.getByRole("status").innerText()).toContain(`Stored ${dagId} version 1`);
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/dags/${dagId}`);
    await acmePage.getByRole("button", { name: "Trigger", exact: true }).click();
    await acmePage.getByRole("button", { name: "Start run" }).click();
    await acmePage.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect
      .poll(async () => ((await acmePage.getByTestId("run-state").getAttribute("data-state")) ?? "").toLowerCase())
      .toBe("success");
    await acmePage.getByRole("button", { name: "hello", exact: true }).click();
    const log = acmePage.getByTestId("log-output");
    await expect.poll(() => log.innerText()).toContain("done");
    const text = await log.innerText();
    expect(text).toContain("token=***");
    // The URI (or at least its password) is masked.
    expect(text).toMatch(/conn=\S*\*\*\*/);
    expect(await acmePage.content()).not.toContain(secretValue);
    expect(await acmePage.content()).not.toContain(acmeConnPassword);
  });

  it("invites a user by e-mail: the admin copies the link, the invitee creates an account and lands in the tenant with that role", async () => {
    const invitee = `e2e-invitee-${run}@updraft.local`;
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/members`);
    await acmePage.locator(`tr[data-member="${acme.email}"]`).waitFor();
    await waitForHydration(acmePage);
    const inviteForm = acmePage.getByRole("form", { name: "Invite someone" });
    await inviteForm.getByLabel("E-mail").fill(invitee);
    await inviteForm.getByLabel("Role").selectOption("OPERATOR");
    await inviteForm.getByRole("button", { name: "Invite" }).click();
    const linkField = acmePage.getByTestId("invitation-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    // No SMTP in the e2e setup: the admin is told to send the link themselves.
    expect(await inviteForm.innerText()).toContain("No e-mail server is configured");
    await acmePage.locator(`tr[data-invitation="${invitee}"]`).waitFor();
    await acmePage.screenshot({ path: join(artifacts, "trust-members-invite.png"), fullPage: true });

    const inviteeContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await inviteeContext.newPage();
      page.setDefaultTimeout(PAGE_ACTION_TIMEOUT_MS);
      await page.goto(link);
      await expect.poll(() => page.getByTestId("invitation-summary").innerText()).toBe(
        `${invitee} is invited to join Acme Data as Operator.`,
      );
      await waitForHydration(page);
      expect(await page.getByLabel("E-mail").inputValue()).toBe(invitee);
      await page.getByLabel("Your name").fill("Ivy Invitee");
      await page.getByLabel("Password", { exact: true }).fill("short");
      await page.getByLabel("Repeat the password").fill("short");
      await page.getByRole("button", { name: "Create account and join" }).click();
      await expect.poll(() => alert(page).innerText()).toContain("at least 12 characters");
      await page.getByLabel("Password", { exact: true }).fill("ivy-correct-horse-battery");
      await page.getByLabel("Repeat the password").fill("ivy-correct-horse-battery");
      await page.screenshot({ path: join(artifacts, "trust-invite-page.png"), fullPage: true });
      await page.getByRole("button", { name: "Create account and join" }).click();

      await page.waitForURL(new RegExp(`/t/${acme.slug}/dags$`));
      await expect.poll(() => page.getByTestId("user-email").innerText()).toBe(invitee);
      await page.locator(`tr[data-dag-id="${acmeDag.dagId}"]`).waitFor();
      await page.goto(`${baseUrl}/t`);
      await expect.poll(() => page.getByRole("link", { name: /Acme Data/ }).innerText()).toContain("operator");
      // An operator sees no admin sections.
      await page.goto(`${baseUrl}/t/${acme.slug}/connections`);
      const nav = page.getByRole("navigation", { name: "Tenant" });
      await nav.getByRole("link", { name: "Connections" }).waitFor();
      expect(await nav.getByRole("link", { name: "API tokens" }).count()).toBe(0);
      expect(await page.getByTestId("role-hint").innerText()).toContain("your role is Operator");

      // The link works once.
      await page.goto(link);
      await page.getByRole("heading", { name: "This invitation was already used" }).waitFor();
    } finally {
      await inviteeContext.close();
    }

    await acmePage.reload();
    const member = acmePage.locator(`tr[data-member="${invitee}"]`);
    await member.waitFor();
    expect(await member.getByLabel(`Role of ${invitee}`).inputValue()).toBe("OPERATOR");
    expect(await acmePage.locator(`tr[data-invitation="${invitee}"]`).count()).toBe(0);
  });

  it("creates an API token and shows it once", async () => {
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/tokens`);
    await acmePage.getByRole("heading", { name: "API tokens", exact: true }).waitFor();
    await waitForHydration(acmePage);
    const form = acmePage.getByRole("form", { name: "New API token" });
    await form.getByLabel("Token name").fill("ci-deploy");
    await form.getByLabel("Role").selectOption("AUTHOR");
    await form.getByLabel("Expires after (days)").fill("30");
    await form.getByRole("button", { name: "Create token" }).click();
    const shown = acmePage.getByTestId("new-api-token");
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^upd_[A-Za-z0-9]{40}$/);
    expect(await form.innerText()).toContain("this is the only time the token is shown");
    const row = acmePage.locator('tr[data-token="ci-deploy"]');
    await row.waitFor();
    expect(await row.innerText()).toContain(`${token.slice(0, 12)}…`);
    expect(await row.getByTestId("token-status").innerText()).toBe("active");
    await acmePage.screenshot({ path: join(artifacts, "trust-api-token.png"), fullPage: true });

    await acmePage.reload();
    await row.waitFor();
    expect(await acmePage.content()).not.toContain(token);
    expect(await row.innerText()).toContain("Author");

    // CI deploys with it; once revoked (after a confirmation) it is refused.
    const deploy = () =>
      fetch(`${baseUrl}/api/v1/tenants/${acme.slug}/dags`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ files: [{ name: "trust_ci.yaml", content: dagOf("trust_ci", "deployed from ci") }] }),
      });
    const deployed = await deploy();
    expect(deployed.status).toBe(200);
    expect(await deployed.json()).toMatchObject({ ok: true, results: [{ file: "trust_ci.yaml", ok: true, dagId: "trust_ci" }] });
    // The list shows when the token was last used.
    await acmePage.reload();
    await expect.poll(() => row.innerText()).toContain("just now");

    await waitForHydration(acmePage);
    await row.getByRole("button", { name: "Revoke ci-deploy" }).click();
    await acmePage.getByRole("dialog", { name: "Revoke token ci-deploy?" }).getByRole("button", { name: "Revoke" }).click();
    await expect.poll(() => row.getByTestId("token-status").innerText()).toMatch(/^revoked /);
    const refused = await deploy();
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("this API token was revoked on");
  });

  it("lists the tenant's changes in the audit log, filtered, and exports the same events as CSV", async () => {
    await acmePage.goto(`${baseUrl}/t/${acme.slug}/audit`);
    await acmePage.getByRole("heading", { name: "Audit log", exact: true }).waitFor();
    const table = acmePage.getByTestId("audit-table");
    await table.locator('tr[data-action="connection.create"]').waitFor();
    for (const action of ["dag.upload", "dag.trigger", "dag.deploy", "secret.set", "invitation.create", "invitation.accept", "token.create", "token.revoke"]) {
      expect(await table.locator(`tr[data-action="${action}"]`).count(), action).toBeGreaterThan(0);
    }
    // Nothing from the other tenant.
    expect(await table.innerText()).not.toContain(globexDag.dagId);
    expect(await acmePage.content()).not.toContain(acmeConnPassword);

    await waitForHydration(acmePage);
    const filters = acmePage.getByRole("form", { name: "Audit log filters" });
    await filters.getByLabel("Action").fill("connection.");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect
      .poll(() => table.locator("tr[data-action]").evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute("data-action")))]))
      .toEqual(["connection.create"]);
    const href = await acmePage.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toBe(`/api/v1/tenants/${acme.slug}/audit.csv?action=connection.`);
    await acmePage.screenshot({ path: join(artifacts, "trust-audit-log.png"), fullPage: true });

    const csv = await acmePage.request.get(`${baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("connection.create");
    expect(text).toContain("warehouse");
    expect(text).not.toContain("dag.upload");
    expect(text).not.toContain(acmeConnPassword);

    // Owners of another tenant cannot read it.
    const stolen = await globexPage.request.get(`${baseUrl}/api/v1/tenants/${acme.slug}/audit.csv`);
    expect(stolen.status()).toBe(404);
  });

  it("lets a signed-in user with the invited e-mail accept, refuses another account, and kills revoked links", async () => {
    const invite = async (email: string, role: string) => {
      await acmePage.goto(`${baseUrl}/t/${acme.slug}/members`);
      await acmePage.locator(`tr[data-member="${acme.email}"]`).waitFor();
      await waitForHydration(acmePage);
      const form = acmePage.getByRole("form", { name: "Invite someone" });
      await form.getByLabel("E-mail").fill(email);
      await form.getByLabel("Role").selectOption(role);
      await form.getByRole("button", { name: "Invite" }).click();
      const field = acmePage.getByTestId("invitation-link");
      await field.waitFor();
      return field.inputValue();
    };

    // Revoked: the link says so and changes nothing.
    const revokedEmail = `e2e-revoked-${run}@updraft.local`;
    const revokedLink = await invite(revokedEmail, "VIEWER");
    await acmePage.getByRole("button", { name: `Revoke the invitation of ${revokedEmail}` }).click();
    await acmePage.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await acmePage.locator(`tr[data-invitation="${revokedEmail}"]`).waitFor({ state: "detached" });
    await globexPage.goto(revokedLink);
    await globexPage.getByRole("heading", { name: "This invitation was withdrawn" }).waitFor();
    expect(await alert(globexPage).innerText()).toMatch(/withdrawn on .*Ask an admin of Acme Data for a new invitation/);

    // The globex owner, signed in, is invited to acme as a viewer.
    const link = await invite(globex.email, "VIEWER");
    // Someone else signed in (the acme admin) is told whose invitation it is.
    await acmePage.goto(link);
    await expect.poll(() => alert(acmePage).innerText()).toContain(
      `This invitation is for ${globex.email}, but you are signed in as ${acme.email}`,
    );
    expect(await acmePage.getByRole("button", { name: /^Accept/ }).count()).toBe(0);

    await globexPage.goto(link);
    await waitForHydration(globexPage);
    await globexPage.getByRole("button", { name: "Accept and join Acme Data" }).click();
    await globexPage.waitForURL(new RegExp(`/t/${acme.slug}/dags$`));
    await globexPage.locator(`tr[data-dag-id="${acmeDag.dagId}"]`).waitFor();
    await globexPage.goto(`${baseUrl}/t`);
    await expect.poll(() => globexPage.getByRole("link", { name: /Acme Data/ }).innerText()).toContain("viewer");
    await globexPage.getByRole("link", { name: /Globex Analytics/ }).waitFor();
  });
});
