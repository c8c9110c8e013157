import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Db } from "@updraft/db";
import superjson from "superjson";
import { createContextInner, type SessionUser } from "../trpc/context";
import { NO_MAILER } from "../mail/mailer";
import { appRouter } from "../root-router";
import { testKeyring } from "./api-callers";

/**
 * Calls a mutation the way the browser does (POST through the fetch handler
 * and the error formatter) and returns what the browser would get: the
 * status and the error message shown to the user, if any.
 */
export async function mutateOverHttp(db: Db, user: SessionUser, path: string, input: unknown) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => createContextInner({ db, user, ip: "127.0.0.1", keyring: testKeyring(), mailer: NO_MAILER }),
  });
  const payload = (await response.json()) as { error?: { json: { message: string } } };
  return { status: response.status, message: payload.error?.json.message ?? null };
}
