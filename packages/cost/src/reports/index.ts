export {
  periodStart,
  isoDay,
  type CostGranularity,
  type CostReportFilters,
  type IsoDay,
} from "./report-filters";
export { costOverTime, type CostOverTime, type CostOverTimeRow } from "./cost-over-time";
export { topTasksByCost, type TopTaskCost } from "./top-tasks-by-cost";
export { usageOverTime, type UsageOverTimeRow } from "./usage-over-time";
export { efficiencyReport, overRequestHint, OVER_REQUEST_FACTOR, type EfficiencyReport, type EfficiencyRow } from "./efficiency-report";
export { dagRunCosts, type DagRunCost } from "./dag-run-costs";
export { taskTryCosts, type TaskTryCost } from "./task-try-costs";
export { budgetStatus, type BudgetStatus } from "./budget-status";
export { platformTenantCosts, type PlatformTenantCost } from "./platform-tenant-costs";
export { costReportOptions, type CostReportOptions } from "./report-options";
