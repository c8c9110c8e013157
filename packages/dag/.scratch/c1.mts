import { CronExpressionParser } from "cron-parser";
for (const e of ["0 0 * * *", "61 * * * *", "* * *", "0 0 30 2 *", "a b c d e", "0 0 * * 8", "*/0 * * * *", "0 0 L * *", "0 0 * * MON-FRI", "1-2-3 * * * *", "0 0 1,2, * *"]) {
  try { const i = CronExpressionParser.parse(e, { tz: "UTC", currentDate: new Date("2025-01-01T00:00:00Z") }); console.log(e, "OK", i.next().toDate().toISOString()); }
  catch (err: any) { console.log(e, "ERR", err.message); }
}
const i = CronExpressionParser.parse("0 0 * * *", { tz: "Europe/Amsterdam", currentDate: new Date("2025-03-28T12:00:00.500Z") });
for (let k = 0; k < 4; k++) console.log(i.next().toDate().toISOString());
const p = CronExpressionParser.parse("0 0 * * *", { tz: "UTC", currentDate: new Date("2025-01-02T00:00:00.000Z") });
console.log("prev", p.prev().toDate().toISOString());
const q = CronExpressionParser.parse("0 0 * * *", { tz: "UTC", currentDate: new Date("2025-01-02T00:00:00.500Z") });
console.log("prev from .5", q.prev().toDate().toISOString());
const q2 = CronExpressionParser.parse("0 0 * * *", { tz: "UTC", currentDate: new Date("2025-01-01T23:59:59.500Z") });
console.log("next from 23:59:59.5", q2.next().toDate().toISOString());
const q3 = CronExpressionParser.parse("* * * * *", { tz: "UTC", currentDate: new Date("2025-01-01T00:00:00.000Z") });
console.log("next minutely from exact", q3.next().toDate().toISOString());
