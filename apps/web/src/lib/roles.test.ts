import { describe, expect, it } from "vitest";
import { defaultRoleAmong, grantableRoles, roleAtLeast, roleLabel, rolesUpTo } from "./roles";

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

describe("rolesUpTo", () => {
  it("offers a token role no higher than the creator's", () => {
    expect(rolesUpTo("ADMIN")).toEqual(["ADMIN", "AUTHOR", "OPERATOR", "VIEWER"]);
    expect(rolesUpTo("OWNER")).toEqual(["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"]);
    expect(rolesUpTo(undefined)).toEqual([]);
  });
});

describe("grantableRoles", () => {
  it("lets only owners grant the owner role, and only admins and owners manage members", () => {
    expect(grantableRoles("OWNER")).toContain("OWNER");
    expect(grantableRoles("ADMIN")).toEqual(["ADMIN", "AUTHOR", "OPERATOR", "VIEWER"]);
    expect(grantableRoles("AUTHOR")).toEqual([]);
  });
});

describe("roleLabel", () => {
  it("reads like a word", () => {
    expect(roleLabel("OPERATOR")).toBe("Operator");
  });
});

describe("defaultRoleAmong", () => {
  it("starts at Author when offered, else at the weakest role offered", () => {
    expect(defaultRoleAmong(["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"])).toBe("AUTHOR");
    expect(defaultRoleAmong(["OPERATOR", "VIEWER"])).toBe("VIEWER");
    expect(defaultRoleAmong([])).toBe("VIEWER");
  });
});
