import { z } from "zod";
const dur = z.union([z.string(), z.number()], { error: "expected a duration" }).transform((v) => typeof v === "number" ? v : 1);
const s = z.strictObject({
  a: z.string().regex(/^[a-z]+$/, { error: "bad a" }),
  b: z.int().min(0).optional(),
  d: dur.optional(),
  e: z.enum(["x", "y"]).optional(),
  t: z.array(z.strictObject({ id: z.string() })).min(1).max(2),
  r: z.record(z.string().regex(/^[A-Z]+$/), z.string()).optional(),
}).meta({ title: "T" });
const r = s.safeParse({ a: "A", zz: 1, yy: 2, b: 1.5, d: true, e: "q", t: [{ id: 1, k: 2 }, {}], r: { ab: "x", AB: 3 } });
console.log(JSON.stringify(r.error?.issues, null, 1));
console.log(JSON.stringify(z.toJSONSchema(s, { io: "input" }), null, 1));
const r2 = s.safeParse({ a: "a", t: [] });
console.log(JSON.stringify(r2.error?.issues));
