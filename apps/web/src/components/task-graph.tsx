import { isOutlinedState, stateColor } from "./state-colors";

export interface GraphNode {
  taskId: string;
  dependsOn: string[];
  layer: number;
  state?: string;
}

const NODE_W = 168;
const NODE_H = 48;
const GAP_X = 64;
const GAP_Y = 16;

/**
 * Left-to-right layered drawing of the task graph: one column per layer
 * (longest path from a root), edges as SVG curves behind HTML nodes.
 */
export function TaskGraph({ nodes, onSelect, selected }: { nodes: GraphNode[]; onSelect?: (taskId: string) => void; selected?: string | null }) {
  if (nodes.length === 0) return null;
  const rows = new Map<number, number>();
  const position = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const row = rows.get(node.layer) ?? 0;
    rows.set(node.layer, row + 1);
    position.set(node.taskId, { x: node.layer * (NODE_W + GAP_X), y: row * (NODE_H + GAP_Y) });
  }
  const width = (Math.max(...nodes.map((n) => n.layer)) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = Math.max(...rows.values()) * (NODE_H + GAP_Y) - GAP_Y;

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label="Task graph" role="figure">
      <div className="relative" style={{ width, height }}>
        <svg className="absolute inset-0" width={width} height={height} aria-hidden>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="fill-slate-400" />
            </marker>
          </defs>
          {nodes.flatMap((node) =>
            node.dependsOn.map((upstream) => {
              const from = position.get(upstream);
              const to = position.get(node.taskId);
              if (!from || !to) return null;
              const x1 = from.x + NODE_W;
              const y1 = from.y + NODE_H / 2;
              const x2 = to.x;
              const y2 = to.y + NODE_H / 2;
              const mid = (x1 + x2) / 2;
              return (
                <path
                  key={`${upstream}->${node.taskId}`}
                  d={`M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2 - 2} ${y2}`}
                  className="fill-none stroke-slate-400"
                  strokeWidth={1.5}
                  markerEnd="url(#arrow)"
                />
              );
            }),
          )}
        </svg>
        {nodes.map((node) => {
          const p = position.get(node.taskId)!;
          const state = node.state?.toLowerCase();
          const style = `absolute flex flex-col justify-center rounded-md border-2 bg-white px-2 text-left shadow-sm ${
            selected === node.taskId ? "ring-2 ring-sky-500" : ""
          }`;
          // Airflow colours: the border in the state's colour, a light wash of it inside.
          const color = state && !isOutlinedState(state) ? stateColor(state) : null;
          const content = (
            <>
              <span className="truncate font-mono text-xs font-semibold">{node.taskId}</span>
              {state ? (
                <span className="inline-flex items-center gap-1 font-mono text-[10px] text-slate-600">
                  <span aria-hidden className="inline-block h-2 w-2 rounded-full border border-slate-400" style={{ backgroundColor: stateColor(state) }} />
                  {state}
                </span>
              ) : null}
            </>
          );
          const box = {
            left: p.x,
            top: p.y,
            width: NODE_W,
            height: NODE_H,
            borderColor: color ?? "#cbd5e1",
            backgroundColor: color ? `color-mix(in srgb, ${color} 14%, white)` : "#ffffff",
          };
          return onSelect ? (
            <button
              key={node.taskId}
              type="button"
              tabIndex={-1}
              aria-hidden
              data-graph-node={node.taskId}
              data-node-state={state}
              data-state={state ?? "none"}
              onClick={() => onSelect(node.taskId)}
              className={`${style} cursor-pointer hover:border-sky-500`}
              style={box}
            >
              {content}
            </button>
          ) : (
            <div key={node.taskId} data-graph-node={node.taskId} data-node-state={state} data-state={state ?? "none"} className={style} style={box}>
              {content}
            </div>
          );
        })}
      </div>
    </div>
  );
}
