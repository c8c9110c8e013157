/** The budget form's text → setBudget's input, or the problem to show. An empty budget removes it. */
export function parseBudgetForm(budget: string, warnPercent: string): { ok: true; monthlyBudget: number | null; warnPercent: number } | { ok: false; error: string } {
  const pct = Number(warnPercent.trim());
  if (warnPercent.trim() === "" || !Number.isInteger(pct) || pct < 1 || pct > 100) {
    return { ok: false, error: "Warning threshold: enter a whole percentage from 1 to 100, e.g. 80" };
  }
  const text = budget.trim().replaceAll(",", "");
  if (text === "") return { ok: true, monthlyBudget: null, warnPercent: pct };
  const amount = Number(text);
  if (!Number.isFinite(amount)) return { ok: false, error: "Monthly budget: enter an amount, e.g. 500" };
  return { ok: true, monthlyBudget: amount, warnPercent: pct };
}

export interface PriceSheetDraft {
  cpuHour: string;
  memoryGibHour: string;
  gpuHour: string;
  /** A datetime-local value ("2025-03-01T09:30"), empty = now. */
  effectiveFrom: string;
}

/** The price-sheet form's text → numbers and an effective moment (undefined = now), or the problem to show. */
export function parsePriceSheetForm(
  draft: PriceSheetDraft,
): { ok: true; cpuHour: number; memoryGibHour: number; gpuHour: number; effectiveFrom: Date | undefined } | { ok: false; error: string } {
  const prices: Record<"cpuHour" | "memoryGibHour" | "gpuHour", number> = { cpuHour: 0, memoryGibHour: 0, gpuHour: 0 };
  const labels = { cpuHour: "Price per vCPU-hour", memoryGibHour: "Price per GiB-hour", gpuHour: "Price per GPU-hour" } as const;
  for (const key of ["cpuHour", "memoryGibHour", "gpuHour"] as const) {
    const text = draft[key].trim();
    const value = Number(text);
    if (text === "" || !Number.isFinite(value)) return { ok: false, error: `${labels[key]}: enter a number, e.g. 0.031611` };
    prices[key] = value;
  }
  let effectiveFrom: Date | undefined;
  if (draft.effectiveFrom.trim() !== "") {
    effectiveFrom = new Date(draft.effectiveFrom);
    if (Number.isNaN(effectiveFrom.getTime())) return { ok: false, error: "Effective from: pick a date and time, or leave it empty for now" };
  }
  return { ok: true, ...prices, effectiveFrom };
}
