// @updraft/cost: usage sampling storage (./metering), the cost rule, price sheets, finalizing a try's
// usage, budgets, estimates and the cost reports (./reports, exported through their own barrel).
export { DEFAULT_PRICES, GIB, type PriceRates } from "./default-prices";
export {
  costOfTry,
  priceSegments,
  roundMoney,
  type CostOfTryInput,
  type PriceSheetRates,
  type PriceSegment,
  type TryCost,
  type TryCostSegment,
  type TryRequest,
  type TryUsage,
} from "./cost-of-try";
export { thinUsageSamples, type UsageSampleReading, type ThinnedUsage } from "./thin-usage-samples";
export { formatMoney } from "./format-money";
export {
  listPriceSheets,
  createPriceSheet,
  effectivePrices,
  loadPriceSheetRates,
  type PriceSheetView,
  type CreatePriceSheetInput,
  type EffectivePrices,
} from "./price-sheets";
export { finalizeTryUsage, type FinalizeTryUsageInput, type FinalizeTryUsageResult } from "./finalize-try-usage";
export { checkTenantBudget, monthKey, type BudgetCheckResult } from "./check-tenant-budget";
export { setTenantBudget, type SetTenantBudgetInput, type TenantBudget } from "./set-tenant-budget";
export { estimateRunCost, type RunCostEstimate, type TaskCostEstimate } from "./estimate-run-cost";
export * from "./reports/index";
export { recordUsageSamples, type UsageReadingInput } from "./metering/record-usage-samples";
