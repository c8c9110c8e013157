import { vitestHangGuard } from "@updraft/config/vitest";

/**
 * How long a Playwright action (click, fill, waitForURL, a locator's wait) waits for the page to be
 * ready: as long as a busy machine takes, giving up a minute before the test's hang guard so a hang
 * names the action that waited. Playwright's own default is 30 s, a wall-clock budget a loaded
 * 2-core machine can miss.
 */
export const PAGE_ACTION_TIMEOUT_MS = vitestHangGuard.testTimeout - 60_000;
