"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "@/lib/trpc";
import { stackByDag } from "./cost-format";

const COLORS = ["#0284c7", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0d9488", "#db2777", "#4f46e5", "#65a30d", "#78716c"];

/** Cost per period, one stacked bar segment per DAG (most expensive at the bottom). */
export function CostOverTimeChart({ data, money }: { data: RouterOutputs["costs"]["overTime"]; money: { format(v: number): string } }) {
  if (data.rows.length === 0) return <p className="text-sm text-slate-500">No costs in this range.</p>;
  return (
    <div className="h-80" data-testid="cost-over-time-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={stackByDag(data.rows)} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" fontSize={12} />
          <YAxis fontSize={12} tickFormatter={(v: number) => money.format(v)} width={80} />
          <Tooltip formatter={(value) => money.format(Number(value))} />
          <Legend />
          {data.dags.map((dag, i) => (
            <Bar key={dag.dagDbId} dataKey={dag.dagId} stackId="cost" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
