import { parseDocument, LineCounter, isScalar } from "yaml";
const d = parseDocument("base: &b {x: 1}\nm:\n  <<: [*b]\n  y: 2\nn: !!str 5\no: ! 7\n", { schema: "core", merge: true, lineCounter: new LineCounter() });
const m: any = (d.contents as any).items[1].value;
for (const p of m.items) console.log(p.key.constructor.name, JSON.stringify(p.key.value), p.key.source, typeof p.key.value, p.value.constructor.name);
console.log((d.contents as any).items[2].value.tag, (d.contents as any).items[3].value.tag, d.toJS());
