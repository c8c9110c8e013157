import { LEGEND_STATES, stateColor } from "./state-colors";

/** One small square per state with its name. */
export function StateLegend() {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600" aria-label="State colours">
      {LEGEND_STATES.map((state) => (
        <li key={state} className="inline-flex items-center gap-1">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-sm border border-slate-400"
            style={{ backgroundColor: stateColor(state) }}
          />
          {state}
        </li>
      ))}
    </ul>
  );
}
