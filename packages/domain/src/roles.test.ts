import { describe, expect, it } from "vitest";
import { isTenantRole, ROLE_RANK, roleAtLeast, ROLES_BY_RANK, rolesBelow } from "./roles";

describe("tenant roles", () => {
  it("rank Owner > Admin > Author > Operator > Viewer", () => {
    expect(ROLES_BY_RANK).toEqual(["OWNER", "ADMIN", "AUTHOR", "OPERATOR", "VIEWER"]);
    const ranks = ROLES_BY_RANK.map((r) => ROLE_RANK[r]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(new Set(ranks).size).toBe(ROLES_BY_RANK.length);
  });

  it("let each role do what it and every weaker role may, and nothing stronger", () => {
    ROLES_BY_RANK.forEach((role, i) => {
      ROLES_BY_RANK.forEach((minRole, j) => expect(roleAtLeast(role, minRole)).toBe(i <= j));
    });
  });

  it("list the roles below a role, strongest first", () => {
    expect(rolesBelow("OWNER")).toEqual(["ADMIN", "AUTHOR", "OPERATOR", "VIEWER"]);
    expect(rolesBelow("AUTHOR")).toEqual(["OPERATOR", "VIEWER"]);
    expect(rolesBelow("VIEWER")).toEqual([]);
  });

  it("know their names", () => {
    expect(ROLES_BY_RANK.every(isTenantRole)).toBe(true);
    for (const other of ["owner", "ROOT", "", null, undefined, 5]) expect(isTenantRole(other)).toBe(false);
  });
});
