"use client";

import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { ErrorAlert } from "@/components/error-alert";
import { FormCard } from "@/components/form-card";
import { SubmitButton } from "@/components/submit-button";
import { SuccessMessage } from "@/components/success-message";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format-time";
import { trpc } from "@/lib/trpc";
import { parsePriceSheetForm, type PriceSheetDraft } from "./cost-form-values";

const PLATFORM = "";
const cell = "px-4 py-2";
const num = "px-4 py-2 text-right tabular-nums";
const emptyDraft: PriceSheetDraft = { cpuHour: "0.031611", memoryGibHour: "0.004237", gpuHour: "0.95", effectiveFrom: "" };

/** Platform admins: the platform's price sheets or a tenant's overrides, and a form adding one effective now or later. */
export function PriceSheetsSection() {
  const utils = trpc.useUtils();
  const tenants = trpc.platform.tenants.list.useQuery();
  const [scope, setScope] = useState<string>(PLATFORM);
  const tenantId = scope === PLATFORM ? null : scope;
  const sheets = trpc.costs.platform.priceSheets.useQuery({ tenantId });
  const [draft, setDraft] = useState<PriceSheetDraft>(emptyDraft);
  const [currency, setCurrency] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const create = trpc.costs.platform.createPriceSheet.useMutation({
    onMutate: () => {
      setError(null);
      setSaved(null);
    },
    onSuccess: async (sheet) => {
      setSaved(`Price sheet added, effective ${formatDateTime(sheet.effectiveFrom)}.`);
      setDraft((d) => ({ ...d, effectiveFrom: "" }));
      setNote("");
      await utils.costs.platform.priceSheets.invalidate();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const scopeName = tenantId === null ? "the platform" : (tenants.data?.find((t) => t.id === tenantId)?.slug ?? "the tenant");
  const field = (key: keyof PriceSheetDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const rows = sheets.data ?? [];

  return (
    <section aria-labelledby="price-sheets-heading" className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="price-sheets-heading" className="text-lg font-semibold">
            Price sheets
          </h2>
          <p className="text-sm text-slate-600">
            The newest sheet in effect prices each moment of a try; a tenant&apos;s override wins over the platform&apos;s. Costs already
            computed are never rewritten, so sheets start now or later.
          </p>
        </div>
        <label className="text-sm font-medium text-slate-700">
          Sheets of
          <select
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            <option value={PLATFORM}>Platform (every tenant)</option>
            {(tenants.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                Override for {t.slug}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorAlert error={sheets.error ?? tenants.error} />
      <DataTable
        testId="price-sheets"
        columns={["Effective from", "vCPU-hour", "GiB-hour", "GPU-hour", "Currency", "Note"]}
        footer={
          rows.length === 0 && !sheets.isPending ? (
            <p className="px-4 py-4 text-sm text-slate-500">
              No sheets for {scopeName}
              {tenantId === null ? "; the defaults apply ($0.031611 per vCPU-hour, $0.004237 per GiB-hour, $0.95 per GPU-hour)." : "; the platform's prices apply."}
            </p>
          ) : null
        }
      >
        {rows.map((s) => (
          <tr key={s.id}>
            <td className={cell}>{formatDateTime(s.effectiveFrom)}</td>
            <td className={num}>{s.cpuHour}</td>
            <td className={num}>{s.memoryGibHour}</td>
            <td className={num}>{s.gpuHour}</td>
            <td className={cell}>{s.currency}</td>
            <td className={cell}>{s.note ?? ""}</td>
          </tr>
        ))}
      </DataTable>
      <FormCard
        headingId="price-sheet-form-heading"
        heading={tenantId === null ? "New platform price sheet" : `New price override for ${scopeName}`}
        onSubmit={() => {
          const parsed = parsePriceSheetForm(draft);
          if (!parsed.ok) {
            setSaved(null);
            setError(parsed.error);
            return;
          }
          create.mutate({
            tenantId,
            cpuHour: parsed.cpuHour,
            memoryGibHour: parsed.memoryGibHour,
            gpuHour: parsed.gpuHour,
            effectiveFrom: parsed.effectiveFrom,
            currency: currency.trim() || undefined,
            note: note.trim() || undefined,
          });
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <TextField label="Price per vCPU-hour" inputMode="decimal" value={draft.cpuHour} onValueChange={field("cpuHour")} inputClassName="w-32" />
          <TextField label="Price per GiB-hour" inputMode="decimal" value={draft.memoryGibHour} onValueChange={field("memoryGibHour")} inputClassName="w-32" />
          <TextField label="Price per GPU-hour" inputMode="decimal" value={draft.gpuHour} onValueChange={field("gpuHour")} inputClassName="w-32" />
          <TextField label="Currency" placeholder="USD" maxLength={3} value={currency} onValueChange={setCurrency} inputClassName="w-20 uppercase" />
          <TextField
            label="Effective from (empty = now)"
            type="datetime-local"
            value={draft.effectiveFrom}
            onValueChange={field("effectiveFrom")}
            inputClassName="w-56"
          />
          <TextField label="Note" placeholder="e.g. spot discount" value={note} onValueChange={setNote} className="min-w-48 flex-1" />
          <SubmitButton pending={create.isPending} pendingLabel="Adding…">
            Add price sheet
          </SubmitButton>
        </div>
        <ErrorAlert error={error} />
        {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      </FormCard>
    </section>
  );
}
