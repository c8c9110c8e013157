/** How to read the Gantt bars. */
export function GanttKey() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="inline-block h-3 w-6 rounded-sm border border-dashed border-green-700 bg-green-700/30" />
        queued (waiting for a slot or its launch)
      </span>
      <span className="inline-flex items-center gap-1">
        <span aria-hidden className="inline-block h-3 w-6 rounded-sm bg-green-700" />
        running
      </span>
      <span>Colour = the try&apos;s final state. Click a bar for its log.</span>
    </p>
  );
}
