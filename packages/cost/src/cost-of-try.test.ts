import { describe, expect, it } from "vitest";
import { costOfTry, priceSegments, type PriceSheetRates } from "./cost-of-try";
import { DEFAULT_PRICES, GIB } from "./default-prices";

const t0 = new Date("2025-03-10T10:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const sheet = (over: Partial<PriceSheetRates> & { id: string; effectiveFrom: Date }): PriceSheetRates => ({
  tenantId: null,
  cpuHour: 1,
  memoryGibHour: 0.1,
  gpuHour: 10,
  currency: "USD",
  ...over,
});

describe("costOfTry", () => {
  it("charges the request when it is above the usage", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(2),
      request: { cpuMillis: 2000, memoryBytes: 4 * GIB, gpus: 0 },
      usage: { cpuSeconds: 0.5 * 7200, memoryAvgBytes: 1 * GIB },
      sheets: [sheet({ id: "p", effectiveFrom: at(-10) })],
    });
    expect(c.chargedCpuCores).toBe(2);
    expect(c.chargedMemoryBytes).toBe(4 * GIB);
    expect(c.cost).toBeCloseTo(2 * (2 * 1 + 4 * 0.1), 6);
  });

  it("charges the usage when it is above the request", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(1),
      request: { cpuMillis: 250, memoryBytes: 256 * 2 ** 20, gpus: 0 },
      usage: { cpuSeconds: 3 * 3600, memoryAvgBytes: 2 * GIB },
      sheets: [sheet({ id: "p", effectiveFrom: at(-10) })],
    });
    expect(c.chargedCpuCores).toBeCloseTo(3, 9);
    expect(c.cost).toBeCloseTo(3 * 1 + 2 * 0.1, 6);
  });

  it("charges GPUs at the GPU-hour price", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(0.5),
      request: { cpuMillis: 0, memoryBytes: 0, gpus: 2 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [sheet({ id: "p", effectiveFrom: at(-10) })],
    });
    expect(c.cost).toBeCloseTo(0.5 * 2 * 10, 6);
  });

  it("splits a try at a price change mid-run", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(3),
      request: { cpuMillis: 1000, memoryBytes: 0, gpus: 0 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [sheet({ id: "old", effectiveFrom: at(-1), cpuHour: 1 }), sheet({ id: "new", effectiveFrom: at(1), cpuHour: 4 })],
    });
    expect(c.segments.map((s) => [s.sheetId, s.hours])).toEqual([
      ["old", 1],
      ["new", 2],
    ]);
    expect(c.cost).toBeCloseTo(1 * 1 + 2 * 4, 6);
  });

  it("lets a tenant override win over the platform sheet, even a newer platform one", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(1),
      request: { cpuMillis: 1000, memoryBytes: 0, gpus: 0 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [
        sheet({ id: "tenant", tenantId: "t1", effectiveFrom: at(-5), cpuHour: 0.5, currency: "EUR" }),
        sheet({ id: "platform", effectiveFrom: at(-1), cpuHour: 9 }),
      ],
    });
    expect(c.segments.map((s) => s.sheetId)).toEqual(["tenant"]);
    expect(c.cost).toBeCloseTo(0.5, 6);
    expect(c.currency).toBe("EUR");
  });

  it("uses the platform sheet until the tenant override takes effect", () => {
    const c = costOfTry({
      startedAt: t0,
      endedAt: at(2),
      request: { cpuMillis: 1000, memoryBytes: 0, gpus: 0 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [
        sheet({ id: "platform", effectiveFrom: at(-1), cpuHour: 2 }),
        sheet({ id: "tenant", tenantId: "t1", effectiveFrom: at(1.5), cpuHour: 1 }),
      ],
    });
    expect(c.cost).toBeCloseTo(1.5 * 2 + 0.5 * 1, 6);
  });

  it("uses OpenCost's defaults with no sheet in effect (and until the first one)", () => {
    const none = costOfTry({
      startedAt: t0,
      endedAt: at(1),
      request: { cpuMillis: 1000, memoryBytes: GIB, gpus: 1 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [sheet({ id: "later", effectiveFrom: at(5) })],
    });
    expect(none.segments.map((s) => s.sheetId)).toEqual([null]);
    expect(none.cost).toBeCloseTo(DEFAULT_PRICES.cpuHour + DEFAULT_PRICES.memoryGibHour + DEFAULT_PRICES.gpuHour, 6);
    expect(none.currency).toBe("USD");
  });

  it("costs nothing for a try that ran no time, and rounds to 6 decimals", () => {
    expect(
      costOfTry({
        startedAt: t0,
        endedAt: t0,
        request: { cpuMillis: 1000, memoryBytes: GIB, gpus: 1 },
        usage: { cpuSeconds: 5, memoryAvgBytes: 0 },
        sheets: [],
      }).cost,
    ).toBe(0);
    const tiny = costOfTry({
      startedAt: t0,
      endedAt: new Date(t0.getTime() + 1000),
      request: { cpuMillis: 250, memoryBytes: 0, gpus: 0 },
      usage: { cpuSeconds: 0, memoryAvgBytes: 0 },
      sheets: [],
    });
    expect(tiny.cost).toBe(Math.round(((0.25 * DEFAULT_PRICES.cpuHour) / 3600) * 1e6) / 1e6);
  });
});

describe("priceSegments", () => {
  it("merges stretches under the same sheet and ignores changes outside the run", () => {
    const segs = priceSegments(
      [sheet({ id: "a", effectiveFrom: at(-2) }), sheet({ id: "t", tenantId: "x", effectiveFrom: at(-1) }), sheet({ id: "b", effectiveFrom: at(0.5) })],
      t0,
      at(1),
    );
    // the platform change at 0.5 h does not matter: the tenant override is in effect throughout
    expect(segs.map((s) => s.sheetId)).toEqual(["t"]);
    expect(segs[0]!.to).toEqual(at(1));
  });
});
