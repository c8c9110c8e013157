import { usageFraction } from "./usage-fraction";

/** "in use / quota" with a small bar: sky below 90 %, amber from 90 %, red when full. */
export function UsageCell({ kind, used, hard }: { kind: string; used: string | number; hard: string | number }) {
  const fraction = usageFraction(used, hard);
  const colour = fraction === null ? "bg-slate-300" : fraction >= 1 ? "bg-red-500" : fraction >= 0.9 ? "bg-amber-500" : "bg-sky-600";
  return (
    <td className="px-3 py-2 whitespace-nowrap" data-quota={kind} data-used={String(used)} data-hard={String(hard)}>
      <span className="font-mono text-xs">
        {used} <span className="text-slate-400">/</span> {hard}
      </span>
      <div
        className="mt-1 h-1.5 w-20 overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-label={`${kind} in use`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <div className={`h-full ${colour}`} style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }} />
      </div>
    </td>
  );
}
