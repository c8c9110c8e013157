import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-relative-time";

const now = new Date("2026-03-01T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("formatRelativeTime", () => {
  it("says how long ago, in the largest unit that fits", () => {
    expect(formatRelativeTime(ago(10), now)).toBe("just now");
    expect(formatRelativeTime(ago(50), now)).toBe("1 minute ago");
    expect(formatRelativeTime(ago(5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(3 * 3600 + 100), now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(86_400), now)).toBe("yesterday");
    expect(formatRelativeTime(ago(12 * 86_400), now)).toBe("12 days ago");
  });
});
