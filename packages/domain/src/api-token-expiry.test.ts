import { describe, expect, it } from "vitest";
import { isApiTokenLifetime, MAX_API_TOKEN_DAYS } from "./api-token-expiry";

describe("API token lifetime", () => {
  it("is 1 to 365 whole days", () => {
    expect(MAX_API_TOKEN_DAYS).toBe(365);
    expect(isApiTokenLifetime(1)).toBe(true);
    expect(isApiTokenLifetime(MAX_API_TOKEN_DAYS)).toBe(true);
  });

  it("refuses 0, one day past the limit and fractions", () => {
    expect(isApiTokenLifetime(0)).toBe(false);
    expect(isApiTokenLifetime(MAX_API_TOKEN_DAYS + 1)).toBe(false);
    expect(isApiTokenLifetime(1.5)).toBe(false);
    expect(isApiTokenLifetime(Number.NaN)).toBe(false);
  });
});
