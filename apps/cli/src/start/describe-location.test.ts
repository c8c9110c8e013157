import { describe, expect, it } from "vitest";
import { describeLocation, redactDatabaseUrl } from "./describe-location";

describe("describeLocation", () => {
  it("is relative inside the repository and absolute outside it", () => {
    expect(describeLocation("/srv/updraft/.updraft/pg", "/srv/updraft")).toBe(".updraft/pg");
    expect(describeLocation("/var/lib/updraft/pg", "/srv/updraft")).toBe("/var/lib/updraft/pg");
  });
});

describe("redactDatabaseUrl", () => {
  it("hides the password", () => {
    expect(redactDatabaseUrl("postgres://app:s3cret@db:5432/updraft")).toBe("postgres://app:***@db:5432/updraft");
    expect(redactDatabaseUrl("postgres://db/updraft")).toBe("postgres://db/updraft");
  });
});
