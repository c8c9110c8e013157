import { describe, expect, it } from "vitest";
import { isTenantSlug, TENANT_NAMESPACE_PREFIX, TENANT_SLUG_MAX_LENGTH, tenantSlugSchema } from "./tenant-slug";

const messages = (slug: unknown) => {
  const result = tenantSlugSchema.safeParse(slug);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("tenant slug", () => {
  it("is at most 55 characters, so that updraft-<slug> is a DNS label of at most 63", () => {
    expect(TENANT_SLUG_MAX_LENGTH).toBe(55);
    expect(`${TENANT_NAMESPACE_PREFIX}${"a".repeat(TENANT_SLUG_MAX_LENGTH)}`).toHaveLength(63);
    expect(isTenantSlug("a".repeat(55))).toBe(true);
    expect(isTenantSlug("a".repeat(56))).toBe(false);
    expect(messages("a".repeat(56))).toEqual(["must be at most 55 characters"]);
  });

  it("accepts DNS labels: lower-case letters, digits and inner hyphens", () => {
    for (const slug of ["a", "7", "acme", "acme-data", "team-42", "42team", "a--b"]) expect(isTenantSlug(slug)).toBe(true);
  });

  it("refuses anything else, in words", () => {
    for (const slug of ["", "Acme", "acme data", "-acme", "acme-", "acme_data", "acme.data", "ünï"]) {
      expect(messages(slug)).toEqual([
        "must be lower-case letters, digits and hyphens, starting and ending with a letter or digit, e.g. acme-data",
      ]);
    }
    expect(messages(42)).toEqual(["must be a string, e.g. acme-data"]);
  });
});
