import { describe, expect, it } from "vitest";
import { formatAdminCredentials } from "./format-admin-credentials";

describe("formatAdminCredentials", () => {
  it("shows URL, e-mail and the generated password in a closed box", () => {
    const text = formatAdminCredentials({
      url: "http://localhost:3000",
      email: "admin@updraft.local",
      password: "Xy7-secret-Pw",
    });
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    expect(new Set(lines.map((line) => [...line].length)).size).toBe(1);
    expect(text).toContain("URL:       http://localhost:3000");
    expect(text).toContain("E-mail:    admin@updraft.local");
    expect(text).toContain("Password:  Xy7-secret-Pw");
    expect(text).toContain("shown once — save it");
    expect(text).toContain("set UPDRAFT_ADMIN_PASSWORD to choose your own");
  });

  it("does not print a password the operator chose", () => {
    const text = formatAdminCredentials({ url: "http://localhost:3000", email: "ada@example.com", password: undefined });
    expect(text).toContain("(the one in UPDRAFT_ADMIN_PASSWORD)");
    expect(text).not.toContain("shown once");
  });
});
