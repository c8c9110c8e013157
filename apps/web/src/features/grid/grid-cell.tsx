import { isOutlinedState, stateColor } from "@/components/state-colors";
import type { RouterOutputs } from "@/lib/trpc";

type Cell = NonNullable<RouterOutputs["runs"]["grid"]["rows"][number]["cells"][number]>;

/** One square of the grid: the state colour of a task instance, with a tooltip; click opens its panel. */
export function GridCell({
  taskId,
  runId,
  cell,
  selected,
  onSelect,
}: {
  taskId: string;
  runId: string;
  cell: Cell | null;
  selected: boolean;
  onSelect: () => void;
}) {
  if (!cell) {
    return <span aria-hidden className="block h-4 w-4" title={`${taskId} is not part of run ${runId}`} />;
  }
  const state = cell.state.toLowerCase();
  const tooltip = [
    `Task: ${taskId}`,
    `Run: ${runId}`,
    `State: ${state}`,
    cell.tryNumber > 0 ? `Try: ${cell.tryNumber} of ${cell.maxTries}` : null,
    cell.message,
  ]
    .filter(Boolean)
    .join("\n");
  return (
    <button
      type="button"
      onClick={onSelect}
      title={tooltip}
      aria-label={`${taskId} in ${runId}: ${state}`}
      aria-pressed={selected}
      data-grid-cell
      data-task-id={taskId}
      data-run-id={runId}
      data-state={state}
      data-try-number={cell.tryNumber}
      className={`block h-4 w-4 rounded-[3px] border hover:scale-125 focus:ring-2 focus:ring-sky-400 focus:outline-none ${
        isOutlinedState(state) ? "border-slate-400" : "border-black/10"
      } ${selected ? "ring-2 ring-sky-600 ring-offset-1" : ""}`}
      style={{ backgroundColor: stateColor(state) }}
    />
  );
}
