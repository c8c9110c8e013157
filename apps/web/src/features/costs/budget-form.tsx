"use client";

import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { SuccessMessage } from "@/components/success-message";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { moneyFormatter } from "./cost-format";
import { parseBudgetForm } from "./cost-form-values";

/** For Admins: the tenant's monthly budget and the share of it at which the banner and audit warning appear. */
export function BudgetForm({ tenantSlug }: { tenantSlug: string }) {
  const utils = trpc.useUtils();
  const budget = trpc.costs.budget.useQuery({ tenantSlug });
  const [amount, setAmount] = useState("");
  const [warn, setWarn] = useState("80");
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (loaded || !budget.data) return;
    setAmount(budget.data.monthlyBudget === null ? "" : String(budget.data.monthlyBudget));
    setWarn(String(budget.data.warnPercent));
    setLoaded(true);
  }, [budget.data, loaded]);

  const setBudget = trpc.costs.setBudget.useMutation({
    onMutate: () => {
      setError(null);
      setSaved(null);
    },
    onSuccess: async (next) => {
      setSaved(next.monthlyBudget === null ? "Budget removed." : "Budget saved.");
      await utils.costs.budget.invalidate({ tenantSlug });
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const currency = budget.data?.currency ?? "USD";

  return (
    <FormCard
      headingId="budget-form-heading"
      heading="Monthly budget"
      onSubmit={() => {
        const parsed = parseBudgetForm(amount, warn);
        if (!parsed.ok) {
          setSaved(null);
          setError(parsed.error);
          return;
        }
        setBudget.mutate({ tenantSlug, monthlyBudget: parsed.monthlyBudget, warnPercent: parsed.warnPercent });
      }}
    >
      <p className="text-sm text-slate-600">
        Admins see a banner, and the audit log records a warning, once this month&apos;s cost reaches the warning share. Leave the budget empty
        to remove it.
        {budget.data ? ` This month so far: ${moneyFormatter(currency).format(budget.data.monthToDateCost)}.` : null}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={`Monthly budget (${currency})`}
          inputMode="decimal"
          placeholder="e.g. 500"
          value={amount}
          onValueChange={setAmount}
          inputClassName="w-40"
        />
        <TextField label="Warning at (%)" inputMode="numeric" value={warn} onValueChange={setWarn} inputClassName="w-24" />
        <SubmitButton pending={setBudget.isPending} pendingLabel="Saving…">
          Save budget
        </SubmitButton>
      </div>
      <ErrorAlert error={error ?? budget.error} />
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
    </FormCard>
  );
}
