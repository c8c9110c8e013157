import type { Db } from "@updraft/db";

export interface StatementStat {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
}

export interface StatementStats {
  /** All statements executed in this database since the reset. */
  calls: number;
  totalMs: number;
  top: StatementStat[];
}

/** Forgets what pg_stat_statements has recorded so far (every database). */
export async function resetStatementStats(db: Db): Promise<void> {
  await db.$queryRaw`SELECT pg_stat_statements_reset()`;
}

/** What pg_stat_statements recorded for this database since the reset, most expensive statements first. */
export async function readStatementStats(db: Db, top = 15): Promise<StatementStats> {
  const rows = await db.$queryRaw<{ query: string; calls: bigint; total: number }[]>`
    SELECT s.query, s.calls, s.total_exec_time AS total
      FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database()
     ORDER BY s.total_exec_time DESC`;
  const all = rows.map((r) => ({
    query: r.query.replace(/\s+/g, " ").trim().slice(0, 160),
    calls: Number(r.calls),
    totalMs: r.total,
    meanMs: r.total / Math.max(1, Number(r.calls)),
  }));
  return {
    calls: all.reduce((n, s) => n + s.calls, 0),
    totalMs: all.reduce((n, s) => n + s.totalMs, 0),
    top: all.slice(0, top),
  };
}
