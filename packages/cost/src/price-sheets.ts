import type { DbOrTx, PriceSheet } from "@updraft/db";
import { UserError } from "@updraft/engine";
import type { PriceSheetRates } from "./cost-of-try";
import { DEFAULT_PRICES, type PriceRates } from "./default-prices";

export interface PriceSheetView extends PriceRates {
  id: string;
  /** null = the platform's sheet. */
  tenantId: string | null;
  effectiveFrom: Date;
  note: string | null;
  createdById: string | null;
  createdAt: Date;
}

export interface CreatePriceSheetInput {
  /** null = a platform sheet (platform admins); a tenant's id = that tenant's override. */
  tenantId: string | null;
  /** Default now. May not be before now: costs already computed are never rewritten. */
  effectiveFrom?: Date;
  cpuHour: number;
  memoryGibHour: number;
  gpuHour: number;
  currency?: string;
  note?: string | null;
  createdById?: string | null;
}

/** Prices in effect for a tenant at a moment, and where they come from. */
export interface EffectivePrices extends PriceRates {
  source: "tenant" | "platform" | "default";
  sheetId: string | null;
  effectiveFrom: Date | null;
}

/** Decimal(12, 6): six digits before the point. */
const MAX_PRICE = 999_999.999999;
/** Clock skew allowed between the browser's "now" and ours. */
const PAST_TOLERANCE_MS = 60_000;

const viewOf = (s: PriceSheet): PriceSheetView => ({
  id: s.id,
  tenantId: s.tenantId,
  effectiveFrom: s.effectiveFrom,
  cpuHour: Number(s.cpuHour),
  memoryGibHour: Number(s.memoryGibHour),
  gpuHour: Number(s.gpuHour),
  currency: s.currency,
  note: s.note,
  createdById: s.createdById,
  createdAt: s.createdAt,
});

/** A tenant's override sheets (tenantId given) or the platform's (null), newest effective first. */
export async function listPriceSheets(db: DbOrTx, input: { tenantId: string | null }): Promise<PriceSheetView[]> {
  const sheets = await db.priceSheet.findMany({
    where: { tenantId: input.tenantId },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
  });
  return sheets.map(viewOf);
}

function checkPrice(name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new UserError(`${name} must be a price of 0 or more.`);
  }
  if (value > MAX_PRICE) throw new UserError(`${name} must be at most ${MAX_PRICE}.`);
  return Math.round(value * 1e6) / 1e6;
}

function checkCurrency(value: string): string {
  const code = value.trim().toUpperCase();
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [];
  if (!/^[A-Z]{3}$/.test(code) || (known.length > 0 && !known.includes(code))) {
    throw new UserError(`"${value}" is not an ISO 4217 currency code (such as USD or EUR).`);
  }
  return code;
}

/**
 * Adds a price sheet: the platform's (tenantId null) or a tenant's override.
 * Sheets are never edited; a new one takes over from its effectiveFrom on.
 */
export async function createPriceSheet(
  db: DbOrTx,
  input: CreatePriceSheetInput,
  now: Date = new Date(),
): Promise<PriceSheetView> {
  const cpuHour = checkPrice("The price per vCPU-hour", input.cpuHour);
  const memoryGibHour = checkPrice("The price per GiB-hour", input.memoryGibHour);
  const gpuHour = checkPrice("The price per GPU-hour", input.gpuHour);
  const currency = checkCurrency(input.currency ?? DEFAULT_PRICES.currency);
  let effectiveFrom = input.effectiveFrom ?? now;
  if (!(effectiveFrom instanceof Date) || Number.isNaN(effectiveFrom.getTime())) {
    throw new UserError("The effective date is not a valid date.");
  }
  if (effectiveFrom.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new UserError(
      "A price sheet cannot take effect in the past: costs already computed are never rewritten. Choose now or a later date.",
    );
  }
  if (effectiveFrom < now) effectiveFrom = now;
  const note = input.note?.trim() ? input.note.trim().slice(0, 500) : null;
  if (input.tenantId !== null) {
    const tenant = await db.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
    if (!tenant) throw new UserError("That tenant does not exist.");
  }
  const sheet = await db.priceSheet.create({
    data: {
      tenantId: input.tenantId,
      effectiveFrom,
      cpuHour,
      memoryGibHour,
      gpuHour,
      currency,
      note,
      createdById: input.createdById ?? null,
    },
  });
  return viewOf(sheet);
}

/** The platform's and the tenant's sheets that can apply to [.., until], for costOfTry. */
export async function loadPriceSheetRates(
  db: DbOrTx,
  input: { tenantId: string; until: Date },
): Promise<PriceSheetRates[]> {
  const sheets = await db.priceSheet.findMany({
    where: { OR: [{ tenantId: null }, { tenantId: input.tenantId }], effectiveFrom: { lte: input.until } },
    orderBy: [{ effectiveFrom: "asc" }, { createdAt: "asc" }],
  });
  return sheets.map((s) => ({
    id: s.id,
    tenantId: s.tenantId,
    effectiveFrom: s.effectiveFrom,
    cpuHour: Number(s.cpuHour),
    memoryGibHour: Number(s.memoryGibHour),
    gpuHour: Number(s.gpuHour),
    currency: s.currency,
  }));
}

/** The prices a tenant pays at a moment (default now): its override, else the platform's sheet, else the defaults. */
export async function effectivePrices(
  db: DbOrTx,
  input: { tenantId: string; at?: Date },
): Promise<EffectivePrices> {
  const at = input.at ?? new Date();
  const pick = (tenantId: string | null) =>
    db.priceSheet.findFirst({
      where: { tenantId, effectiveFrom: { lte: at } },
      orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    });
  const tenant = await pick(input.tenantId);
  const sheet = tenant ?? (await pick(null));
  if (!sheet) return { ...DEFAULT_PRICES, source: "default", sheetId: null, effectiveFrom: null };
  const v = viewOf(sheet);
  return {
    cpuHour: v.cpuHour,
    memoryGibHour: v.memoryGibHour,
    gpuHour: v.gpuHour,
    currency: v.currency,
    source: tenant ? "tenant" : "platform",
    sheetId: v.id,
    effectiveFrom: v.effectiveFrom,
  };
}
