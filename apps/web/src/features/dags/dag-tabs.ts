export const DAG_TABS = [
  { key: "grid", label: "Grid" },
  { key: "graph", label: "Graph" },
  { key: "gantt", label: "Gantt" },
  { key: "runs", label: "Runs" },
  { key: "source", label: "Source" },
  { key: "costs", label: "Costs" },
] as const;

export type DagTab = (typeof DAG_TABS)[number]["key"];

/** The tab named in the URL (`?tab=gantt`), Grid when missing or unknown. */
export function dagTabFrom(value: unknown): DagTab {
  return DAG_TABS.find((t) => t.key === value)?.key ?? "grid";
}
