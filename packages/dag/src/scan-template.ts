export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "variable"; name: string; source: string };

export type ScanResult = { ok: true; parts: TemplatePart[] } | { ok: false; problems: string[] };

const DOTTED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Splits a string into literal text and `{{ dotted.name }}` variables. Anything
 * else between `{{` and `}}` (filters, calls, operators) is rejected: templates
 * are substitutions only, never code.
 */
export function scanTemplate(text: string): ScanResult {
  const parts: TemplatePart[] = [];
  const problems: string[] = [];
  let cursor = 0;
  for (;;) {
    const open = text.indexOf("{{", cursor);
    if (open === -1) break;
    if (open > cursor) parts.push({ kind: "text", text: text.slice(cursor, open) });
    const close = text.indexOf("}}", open + 2);
    if (close === -1) {
      problems.push(
        `unclosed template expression ${JSON.stringify(text.slice(open, open + 40))}: expected "}}" after "{{"`,
      );
      cursor = text.length;
      break;
    }
    const source = text.slice(open, close + 2);
    const name = text.slice(open + 2, close).trim();
    if (DOTTED_NAME.test(name)) parts.push({ kind: "variable", name, source });
    else {
      problems.push(
        `invalid template expression ${JSON.stringify(source)}: only a variable like {{ ds }} or {{ params.NAME }} is allowed`,
      );
    }
    cursor = close + 2;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parts };
}
