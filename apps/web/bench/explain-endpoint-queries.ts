import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { createCaller, createContextInner, readSecretKeyring, validateSession } from "@updraft/api";
import { PrismaClient } from "@updraft/db";
import type { Endpoint } from "./request-variants";

export interface ExplainedQuery {
  step: string;
  sql: string;
  plan: string;
  /** "Execution Time" of EXPLAIN ANALYZE, ms. */
  executionMs: number;
}

type QueryEvent = { query: string; params: string };

/**
 * Runs one request of each endpoint (and the session check every request
 * makes) through the API with Prisma's query log on, then EXPLAIN ANALYZEs
 * every statement it sent, with the same parameters, on the seeded database.
 */
export async function explainEndpointQueries(input: {
  databaseUrl: string;
  sessionId: string;
  user: { id: string; email: string; isPlatformAdmin: boolean };
  calls: Record<Endpoint, Record<string, unknown>>;
}): Promise<ExplainedQuery[]> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: input.databaseUrl, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  const sent: QueryEvent[] = [];
  (db as unknown as { $on(event: "query", cb: (e: QueryEvent) => void): void }).$on("query", (e) => sent.push(e));
  const caller = createCaller(
    createContextInner({ db, user: input.user, ip: "127.0.0.1", keyring: readSecretKeyring({ UPDRAFT_SECRET_KEY: randomBytes(32).toString("base64") }) }),
  );
  const steps: Array<[string, () => Promise<unknown>]> = [
    ["session check (every request)", () => validateSession(db, input.sessionId)],
    ["runs.list", () => caller.runs.list(input.calls["runs.list"] as Parameters<typeof caller.runs.list>[0])],
    ["runs.grid", () => caller.runs.grid(input.calls["runs.grid"] as Parameters<typeof caller.runs.grid>[0])],
    ["logs.forTask", () => caller.logs.forTask(input.calls["logs.forTask"] as Parameters<typeof caller.logs.forTask>[0])],
  ];
  const explained: ExplainedQuery[] = [];
  try {
    for (const [step, run] of steps) {
      sent.length = 0;
      await run();
      for (const { query, params } of [...sent]) {
        const values = JSON.parse(params) as unknown[];
        const rows = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, ...values);
        const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        explained.push({ step, sql: query, plan, executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) });
      }
    }
  } finally {
    await db.$disconnect();
  }
  return explained;
}
