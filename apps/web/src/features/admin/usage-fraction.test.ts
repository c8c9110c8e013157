import { describe, expect, it } from "vitest";
import { usageFraction } from "./usage-fraction";

describe("usageFraction", () => {
  it("compares counts and Kubernetes quantities in the same unit", () => {
    expect(usageFraction(1, 4)).toBe(0.25);
    expect(usageFraction("1500m", "3")).toBe(0.5);
    expect(usageFraction("8Gi", "16Gi")).toBe(0.5);
    expect(usageFraction("512Mi", "1Gi")).toBe(0.5);
  });

  it("caps at full, treats a zero quota as empty or full, and gives up on unreadable text", () => {
    expect(usageFraction(5, 4)).toBe(1);
    expect(usageFraction(0, 0)).toBe(0);
    expect(usageFraction(1, 0)).toBe(1);
    expect(usageFraction("lots", "4")).toBeNull();
  });
});
