import { describe, expect, it } from "vitest";
import { detailsText } from "./details-text";

describe("detailsText", () => {
  it("shows an event's details as key=value pairs, leaving out empty ones", () => {
    expect(detailsText({ role: "ADMIN", emailSent: false, tokensRevoked: null, fields: ["host", "port"] })).toBe(
      'role=ADMIN, emailSent=false, fields=["host","port"]',
    );
  });

  it("shows nothing when there are no details", () => {
    expect(detailsText(null)).toBe("");
    expect(detailsText([1])).toBe("[1]");
  });
});
