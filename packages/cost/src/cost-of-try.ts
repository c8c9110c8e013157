import { DEFAULT_PRICES, GIB, type PriceRates } from "./default-prices";

/** A price sheet as the cost rule reads it: tenantId null = the platform's sheet. */
export interface PriceSheetRates extends PriceRates {
  id: string;
  tenantId: string | null;
  effectiveFrom: Date;
}

/** What the try asked for (its snapshot, else its task instance's request with the defaults). */
export interface TryRequest {
  cpuMillis: number;
  memoryBytes: number;
  gpus: number;
}

/** What the try used over its whole run (thinned from its samples). */
export interface TryUsage {
  cpuSeconds: number;
  memoryAvgBytes: number;
}

export interface CostOfTryInput {
  startedAt: Date;
  endedAt: Date;
  request: TryRequest;
  usage: TryUsage;
  /** Platform and tenant sheets (any order; ones effective after endedAt are ignored). */
  sheets: readonly PriceSheetRates[];
}

/** A stretch of time under one set of prices; sheetId null = the defaults. */
export interface PriceSegment {
  from: Date;
  to: Date;
  sheetId: string | null;
  rates: PriceRates;
}

export interface TryCostSegment extends PriceSegment {
  hours: number;
  cost: number;
}

export interface TryCost {
  /** Rounded to 6 decimals, as stored. */
  cost: number;
  currency: string;
  durationSeconds: number;
  /** Cores and bytes the cost was charged for: max(request, used). */
  chargedCpuCores: number;
  chargedMemoryBytes: number;
  segments: TryCostSegment[];
}

/** Money as stored (Decimal with 6 places). */
export const roundMoney = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * The sheet in effect at a moment: the tenant's newest sheet with
 * effectiveFrom ≤ moment if it has one (overrides win), else the platform's,
 * else none (the defaults).
 */
function sheetAt(sheets: readonly PriceSheetRates[], at: number): PriceSheetRates | null {
  let tenant: PriceSheetRates | null = null;
  let platform: PriceSheetRates | null = null;
  for (const s of sheets) {
    const from = s.effectiveFrom.getTime();
    if (from > at) continue;
    if (s.tenantId !== null) {
      if (!tenant || from >= tenant.effectiveFrom.getTime()) tenant = s;
    } else if (!platform || from >= platform.effectiveFrom.getTime()) {
      platform = s;
    }
  }
  return tenant ?? platform;
}

/** Splits [from, to) at every price change into stretches under one sheet each. */
export function priceSegments(sheets: readonly PriceSheetRates[], from: Date, to: Date): PriceSegment[] {
  const start = from.getTime();
  const end = Math.max(to.getTime(), start);
  const cuts = [
    ...new Set(sheets.map((s) => s.effectiveFrom.getTime()).filter((t) => t > start && t < end)),
  ].sort((a, b) => a - b);
  const bounds = [start, ...cuts, end];
  const segments: PriceSegment[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    const sheet = sheetAt(sheets, a);
    const sheetId = sheet?.id ?? null;
    const last = segments[segments.length - 1];
    if (last && last.sheetId === sheetId) {
      last.to = new Date(b);
      continue;
    }
    const rates: PriceRates = sheet
      ? { cpuHour: sheet.cpuHour, memoryGibHour: sheet.memoryGibHour, gpuHour: sheet.gpuHour, currency: sheet.currency }
      : { ...DEFAULT_PRICES };
    segments.push({ from: new Date(a), to: new Date(b), sheetId, rates });
  }
  return segments;
}

/**
 * OpenCost's allocation rule: for each stretch under one price sheet,
 * hours × (max(cpu request, cpu used) × cpuHour + max(mem request, mem used) × memoryGibHour + gpus × gpuHour).
 * Used cpu is cpuSeconds / duration; used memory the time-weighted average.
 */
export function costOfTry(input: CostOfTryInput): TryCost {
  const durationSeconds = Math.max(0, (input.endedAt.getTime() - input.startedAt.getTime()) / 1000);
  const usedCores = durationSeconds > 0 ? Math.max(0, input.usage.cpuSeconds) / durationSeconds : 0;
  const chargedCpuCores = Math.max(Math.max(0, input.request.cpuMillis) / 1000, usedCores);
  const chargedMemoryBytes = Math.max(Math.max(0, input.request.memoryBytes), Math.max(0, input.usage.memoryAvgBytes));
  const gpus = Math.max(0, input.request.gpus);
  const segments = priceSegments(input.sheets, input.startedAt, input.endedAt).map((segment) => {
    const hours = (segment.to.getTime() - segment.from.getTime()) / 3_600_000;
    const r = segment.rates;
    const cost = hours * (chargedCpuCores * r.cpuHour + (chargedMemoryBytes / GIB) * r.memoryGibHour + gpus * r.gpuHour);
    return { ...segment, hours, cost };
  });
  const total = segments.reduce((sum, s) => sum + s.cost, 0);
  // A try under sheets in several currencies is reported in the last one's (mixing is a configuration error).
  const currency = segments[segments.length - 1]?.rates.currency ?? DEFAULT_PRICES.currency;
  return { cost: roundMoney(total), currency, durationSeconds, chargedCpuCores, chargedMemoryBytes, segments };
}
