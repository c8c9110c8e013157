/** Prices per hour in one currency: what a price sheet holds, as JS numbers. */
export interface PriceRates {
  cpuHour: number;
  memoryGibHour: number;
  gpuHour: number;
  currency: string;
}

/** OpenCost's published defaults, used when neither the platform nor the tenant has a sheet in effect. */
export const DEFAULT_PRICES: Readonly<PriceRates> = Object.freeze({
  cpuHour: 0.031611,
  memoryGibHour: 0.004237,
  gpuHour: 0.95,
  currency: "USD",
});

export const GIB = 2 ** 30;
