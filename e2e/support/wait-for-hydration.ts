import type { Page } from "playwright-core";

/**
 * Waits until React has hydrated the page (apps/web's Providers set
 * `data-hydrated` on <html>): text typed into a server-rendered input before
 * that is reset by hydration, and the form acts as if nothing was typed.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: "attached" });
}
