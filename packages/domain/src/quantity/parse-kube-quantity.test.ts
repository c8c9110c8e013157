import { describe, expect, it } from "vitest";
import { canonicalQuantity, formatQuantity } from "./format-kube-quantity";
import { compareQuantities, isUnsignedQuantity, parseQuantity, quantitiesEqual, tryParseQuantity } from "./parse-kube-quantity";

describe("parseQuantity", () => {
  it.each([
    ["500m", 0.5],
    ["2", 2],
    ["0.25", 0.25],
    [".5", 0.5],
    ["1Ki", 1024],
    ["512Mi", 512 * 2 ** 20],
    ["1.5Gi", 1.5 * 2 ** 30],
    ["1G", 1e9],
    ["1k", 1000],
    ["100u", 1e-4],
    ["1e3", 1000],
    ["2E6", 2e6],
    ["3E", 3e18],
  ])("reads %s", (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  it("rejects text that is not a quantity with a message naming examples", () => {
    expect(tryParseQuantity("abc")).toBeUndefined();
    expect(tryParseQuantity("1 Gi")).toBeUndefined();
    expect(tryParseQuantity("1GB")).toBeUndefined();
    expect(() => parseQuantity("four")).toThrow(/"four" is not a Kubernetes quantity.*512Mi/);
  });

  it("compares across suffixes", () => {
    expect(quantitiesEqual("1000m", "1")).toBe(true);
    expect(quantitiesEqual("1024Mi", "1Gi")).toBe(true);
    expect(quantitiesEqual("0.1", "100m")).toBe(true);
    expect(compareQuantities("1500m", "2")).toBe(-1);
    expect(compareQuantities("8Gi", "4Gi")).toBe(1);
  });
});

describe("canonicalQuantity", () => {
  it.each([
    ["1000m", "1"],
    ["0.5", "500m"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["2000", "2k"],
    ["1500", "1500"],
    ["4", "4"],
    ["0", "0"],
    ["100", "100"],
  ])("writes %s as %s", (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });

  it("formats values of each family", () => {
    expect(formatQuantity(3.5)).toBe("3500m");
    expect(formatQuantity(4 * 2 ** 30, "binarySI")).toBe("4Gi");
  });
});

describe("isUnsignedQuantity", () => {
  it("accepts quantities as a resource spec writes them", () => {
    for (const text of ["500m", "2", "0.5", ".5", "2.", "1Gi", "512Mi", "1e3", "1E-3", "0"]) expect(isUnsignedQuantity(text)).toBe(true);
  });

  it("refuses signs, surrounding spaces and anything else", () => {
    for (const text of ["-1", "+1", " 1", "1 ", "", ".", "1GB", "1 Gi", "500 millicores", "e3", "Gi"]) expect(isUnsignedQuantity(text)).toBe(false);
  });
});
