import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/t/acme/dags")).toBe("/t/acme/dags");
  });

  it("falls back to the tenant picker for anything that could leave the site or loop", () => {
    for (const value of ["https://evil.example/", "//evil.example", "/\\evil.example", "/signin", "/api/auth/signout", undefined, ["/t"]]) {
      expect(safeCallbackUrl(value)).toBe("/t");
    }
  });
});
