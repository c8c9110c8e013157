import { parseAllDocuments, LineCounter } from "yaml";
for (const s of ["", "# c\n", "a: 1\n---\n", "---\na: 1\n", "a: 1\n---\nb: 2\n...\n", "\ufeffa: 1\n", "a: 1\n...\n", "a: 1\n...\n# c\n", "a: 1\n}\n", "a: 'x\n", "a: [1, 2\n", "{\"a\": 1,}\n", "{\"a\": 1\n"]) {
  const lc = new LineCounter();
  const r: any = parseAllDocuments(s, { lineCounter: lc, schema: "core", prettyErrors: false });
  console.log(JSON.stringify(s), Array.isArray(r) ? r.map((d: any) => [d.range, d.contents?.constructor?.name, d.errors.map((e: any) => [e.code, e.message, lc.linePos(e.pos[0])])]) : ["EMPTY", r.empty, r.errors]);
}
