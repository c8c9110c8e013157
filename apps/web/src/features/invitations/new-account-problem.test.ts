import { describe, expect, it } from "vitest";
import { newAccountProblem } from "./new-account-problem";

describe("newAccountProblem", () => {
  it("accepts a name and a long enough password typed twice", () => {
    expect(newAccountProblem({ name: "Ada", password: "correct-horse-1", repeat: "correct-horse-1" })).toBeNull();
  });

  it("says what to fix", () => {
    expect(newAccountProblem({ name: " ", password: "correct-horse-1", repeat: "correct-horse-1" })).toBe("Enter your name.");
    expect(newAccountProblem({ name: "Ada", password: "short", repeat: "short" })).toMatch(/at least 12 characters \(yours has 5\)/);
    expect(newAccountProblem({ name: "Ada", password: "correct-horse-1", repeat: "correct-horse-2" })).toMatch(/differ/);
  });
});
