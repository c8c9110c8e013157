import { parseDocument, parseAllDocuments, LineCounter, isAlias, isMap, isScalar, isSeq, isPair } from "yaml";
function t(src: string, opts: any = {}) {
  const lc = new LineCounter();
  const docs = parseAllDocuments(src, { lineCounter: lc, schema: "core", prettyErrors: false, ...opts });
  const arr = Array.isArray(docs) ? docs : [docs];
  console.log("---", JSON.stringify(src).slice(0,80), "ndocs", arr.length);
  for (const d of arr) {
    console.log(" errors", d.errors.map(e => [e.code, e.message, e.pos, lc.linePos(e.pos[0])]));
    console.log(" warnings", d.warnings.map(e => [e.code, e.message, e.pos]));
    try { console.log(" js", JSON.stringify(d.toJS({ maxAliasCount: 100 }))); } catch (e: any) { console.log(" toJS threw", e.constructor.name, e.message); }
    console.log(" version", d.directives?.yaml?.version, d.schema?.name);
  }
}
t("a: 2025-01-01\nb: !foo x\nc: !!python/object:os.system x\nd: !!str 12\n");
t("%YAML 1.1\n---\na: 2025-01-01\nb: 0777\n");
t("a: 1\n---\nb: 2\n");
t("a: [1, 2\nb: 3\n");
t("a: 1\na: 2\n");
t("{\"a\": 1,\n \"b\": [1,\n 2,]}\n");
t('a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n');
t("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n", { merge: true });
t("- a\n- b\n");
t("");
t("# only comment\n");
t("a:\n  b:\n  c: 1\n");
t("a: *nope\n");
t("a: b: c\n");
t("\tx: 1\n");
