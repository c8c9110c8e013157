"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "@/lib/trpc";

/** Requested against used core-hours and GiB-hours per period. */
export function UsageChart({ rows }: { rows: RouterOutputs["costs"]["usage"] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No usage in this range.</p>;
  const round = (v: number) => Math.round(v * 100) / 100;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(
        [
          ["CPU (core-hours)", "requestedCpuHours", "usedCpuHours"],
          ["Memory (GiB-hours)", "requestedMemoryGibHours", "usedMemoryGibHours"],
        ] as const
      ).map(([title, requested, used]) => (
        <div key={title} className="h-64">
          <h3 className="text-sm font-medium text-slate-700">{title}</h3>
          <ResponsiveContainer width="100%" height="90%">
            <LineChart data={rows.map((r) => ({ period: r.period, requested: round(r[requested]), used: round(r[used]) }))}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" fontSize={12} />
              <YAxis fontSize={12} width={60} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="requested" stroke="#94a3b8" strokeDasharray="4 2" isAnimationActive={false} />
              <Line type="monotone" dataKey="used" stroke="#0284c7" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ))}
    </div>
  );
}
