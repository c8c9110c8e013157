import { describe, expect, it } from "vitest";
import { roleAtLeast } from "./roles";

describe("roleAtLeast", () => {
  it("lets each role do what the roles below it can", () => {
    expect(roleAtLeast("ADMIN", "ADMIN")).toBe(true);
    expect(roleAtLeast("OWNER", "ADMIN")).toBe(true);
    expect(roleAtLeast("AUTHOR", "ADMIN")).toBe(false);
    expect(roleAtLeast("OPERATOR", "OPERATOR")).toBe(true);
    expect(roleAtLeast("VIEWER", "OPERATOR")).toBe(false);
    expect(roleAtLeast(undefined, "VIEWER")).toBe(false);
  });
});
