import { isOutlinedState, stateColor } from "@/components/state-colors";
import { formatDuration } from "@/lib/format-time";
import type { RouterOutputs } from "@/lib/trpc";
import { ganttDomain, tickStep, ticks, trySpans, type Span } from "./gantt-geometry";

type Gantt = RouterOutputs["runs"]["gantt"];

const LABEL_W = 200;
const CHART_W = 820;
const AXIS_H = 28;
const ROW_H = 36;
const BAR_H = 14;
const PAD_R = 48;

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const time = (ms: number | null) => (ms === null ? "—" : clock.format(new Date(ms)));

function tickLabel(ms: number, step: number): string {
  const base = clock.format(new Date(ms));
  return step < 1_000 ? `${base}.${String(ms % 1_000).padStart(3, "0")}` : base;
}

/**
 * Every try of every task of a run on one time axis: a light segment while
 * queued, a solid one while running, coloured by the try's state. Retries sit
 * on the task's row as separate bars labelled "try N".
 */
export function RunGanttChart({ gantt, onSelect }: { gantt: Gantt; onSelect: (taskInstanceId: string, tryNumber: number) => void }) {
  const now = gantt.now.getTime();
  const bars = gantt.rows.map((row) =>
    row.tries.map((t) => ({ tryNumber: t.tryNumber, state: t.state.toLowerCase(), times: t, ...trySpans(t, now) })),
  );
  const spans: Span[] = bars.flat().flatMap((b) => [b.queued, b.running].filter((s): s is Span => s !== null));
  const domain = ganttDomain(spans, (gantt.startedAt ?? gantt.createdAt).getTime());
  const step = tickStep(domain.end - domain.start);
  const x = (ms: number) => LABEL_W + ((ms - domain.start) / (domain.end - domain.start)) * CHART_W;
  const width = LABEL_W + CHART_W + PAD_R;
  const height = AXIS_H + gantt.rows.length * ROW_H + 8;

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-3">
      <svg width={width} height={height} role="img" aria-label={`Gantt chart of run ${gantt.runId}`} data-testid="gantt-chart" className="font-sans">
        {ticks(domain, step).map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={AXIS_H - 4} y2={height} stroke="#e2e8f0" />
            <text x={x(tick)} y={AXIS_H - 10} textAnchor="middle" fontSize={10} fill="#64748b">
              {tickLabel(tick, step)}
            </text>
          </g>
        ))}
        {gantt.rows.map((row, r) => {
          const top = AXIS_H + r * ROW_H;
          const many = row.tries.length > 1;
          return (
            <g key={row.taskId} data-gantt-row={row.taskId}>
              <rect x={0} y={top} width={width} height={ROW_H} fill={r % 2 === 0 ? "#f8fafc" : "#ffffff"} />
              <text x={8} y={top + ROW_H / 2 + 4} fontSize={12} fontFamily="ui-monospace, monospace" fill="#0f172a">
                {row.taskId.length > 26 ? `${row.taskId.slice(0, 25)}…` : row.taskId}
              </text>
              {(bars[r] ?? []).map((bar) => {
                const barTop = top + ROW_H - BAR_H - 5;
                const color = stateColor(bar.state);
                const outline = isOutlinedState(bar.state) ? "#94a3b8" : color;
                const first = bar.queued?.start ?? bar.running?.start ?? null;
                const tooltip = [
                  `${row.taskId} — try ${bar.tryNumber}`,
                  `state: ${bar.state}`,
                  `queued: ${time(bar.times.queuedAt?.getTime() ?? null)}${
                    bar.queued ? ` (waited ${formatDuration(new Date(bar.queued.start), new Date(bar.queued.end))})` : ""
                  }`,
                  `started: ${time(bar.times.startedAt?.getTime() ?? null)}`,
                  `ended: ${time(bar.times.endedAt?.getTime() ?? null)}${
                    bar.running ? ` (ran ${formatDuration(new Date(bar.running.start), new Date(bar.running.end))})` : ""
                  }`,
                ].join("\n");
                return (
                  <g
                    key={bar.tryNumber}
                    data-gantt-bar
                    data-task-id={row.taskId}
                    data-try-number={bar.tryNumber}
                    data-state={bar.state}
                    className="cursor-pointer"
                    onClick={() => row.taskInstanceId && onSelect(row.taskInstanceId, bar.tryNumber)}
                  >
                    <title>{tooltip}</title>
                    {bar.queued ? (
                      <rect
                        data-segment="queued"
                        x={x(bar.queued.start)}
                        y={barTop}
                        width={Math.max(2, x(bar.queued.end) - x(bar.queued.start))}
                        height={BAR_H}
                        fill={color}
                        fillOpacity={0.3}
                        stroke={outline}
                        strokeDasharray="3 2"
                        rx={2}
                      />
                    ) : null}
                    {bar.running ? (
                      <rect
                        data-segment="running"
                        x={x(bar.running.start)}
                        y={barTop}
                        width={Math.max(2, x(bar.running.end) - x(bar.running.start))}
                        height={BAR_H}
                        fill={color}
                        stroke={outline}
                        rx={2}
                      />
                    ) : null}
                    {many && first !== null ? (
                      <text x={x(first)} y={barTop - 3} fontSize={10} fill="#334155">
                        try {bar.tryNumber}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
        {!gantt.finished && now >= domain.start && now <= domain.end ? (
          <line x1={x(now)} x2={x(now)} y1={AXIS_H - 4} y2={height} stroke="#0284c7" strokeDasharray="4 3" aria-hidden />
        ) : null}
      </svg>
    </div>
  );
}
