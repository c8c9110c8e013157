import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { useTestDatabase } from "@updraft/db/testing";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createContextInner } from "../trpc/context";
import { appRouter } from "../root-router";
import { memberWithRole, testKeyring } from "../test-support/api-callers";

const testDb = useTestDatabase();

describe("input validation errors over HTTP", () => {
  it("reach the browser as one readable sentence naming the field", async () => {
    const { user } = await memberWithRole(testDb.db, "acme", "AUTHOR");
    const body = superjson.serialize({ tenantSlug: "acme", fileName: " ", source: "dag_id: x" });
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request("http://localhost/api/trpc/dags.upload", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      router: appRouter,
      createContext: () => createContextInner({ db: testDb.db, user, ip: "127.0.0.1", keyring: testKeyring() }),
    });
    const payload = (await response.json()) as { error: { json: { message: string } } };
    expect(payload.error.json.message).toBe("fileName: Give the file a name, e.g. dag.yaml");
    expect(response.status).toBe(400);
  });
});
