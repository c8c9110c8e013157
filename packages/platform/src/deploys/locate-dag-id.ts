/** 1-based line and column of the `dag_id` key in a YAML or JSON DAG file (1:1 when not found). */
export function locateDagId(content: string): { line: number; column: number } {
  const match = /(^|[\s{,])("dag_id"|'dag_id'|dag_id)\s*:/m.exec(content);
  if (!match) return { line: 1, column: 1 };
  const offset = match.index + match[1]!.length;
  const before = content.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line, column };
}
