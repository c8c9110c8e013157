import { Prisma } from "@updraft/db";

/** A UTC calendar day, "YYYY-MM-DD". */
export type IsoDay = string;

export type CostGranularity = "day" | "week" | "month";

/**
 * What a tenant report covers: UTC days `from`..`to` (both included), and
 * optionally only some DAGs (database ids) and/or DAGs carrying `tag` in their
 * current version.
 */
export interface CostReportFilters {
  tenantId: string;
  from: IsoDay;
  to: IsoDay;
  dagDbIds?: readonly string[];
  tag?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the day strings (they go into SQL as ::date parameters). */
export function assertFilters(filters: CostReportFilters): void {
  if (!ISO_DAY.test(filters.from) || !ISO_DAY.test(filters.to)) {
    throw new Error(`Report days must be YYYY-MM-DD, got "${filters.from}" and "${filters.to}"`);
  }
}

/** The SQL condition on cost_rollups (aliased `r`) for the filters. */
export function rollupConditions(filters: CostReportFilters): Prisma.Sql {
  assertFilters(filters);
  const parts = [
    Prisma.sql`r.tenant_id = ${filters.tenantId}::uuid`,
    Prisma.sql`r.day >= ${filters.from}::date`,
    Prisma.sql`r.day <= ${filters.to}::date`,
  ];
  if (filters.dagDbIds && filters.dagDbIds.length > 0) {
    parts.push(Prisma.sql`r.dag_db_id = ANY(${[...filters.dagDbIds]}::uuid[])`);
  }
  if (filters.tag) parts.push(dagHasTag(Prisma.sql`r.dag_db_id`, filters.tag));
  return Prisma.join(parts, " AND ");
}

/** True when the DAG `dagDbIdColumn` carries `tag` in its current version's spec. */
export function dagHasTag(dagDbIdColumn: Prisma.Sql, tag: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM dags tag_d JOIN dag_versions tag_v ON tag_v.id = tag_d.current_version_id
     WHERE tag_d.id = ${dagDbIdColumn} AND (tag_v.spec -> 'tags') @> jsonb_build_array(${tag}::text))`;
}

/** The first day of the period `day` falls in (weeks start on Monday, ISO). */
export function periodStart(day: IsoDay, granularity: CostGranularity): IsoDay {
  const d = new Date(`${day}T00:00:00Z`);
  if (granularity === "month") d.setUTCDate(1);
  if (granularity === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** A Date as a UTC day. */
export function isoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

/** Money rounded to 6 decimals (as stored), so float sums read like the database's. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
