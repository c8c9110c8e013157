import { appRouter, createContextInner, mailerFromEnv } from "@updraft/api";
import { getDb } from "@/server/get-db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { crossSiteRefusal, crossSiteResponse } from "@/app/api/_lib/cross-site-request";
import { limitTrpcBody } from "@/app/api/_lib/limit-trpc-body";
import { webAppEnv } from "@/config/env";
import { clientIp } from "@/server/client-ip";
import { readSessionUser } from "@/server/read-session-user";
import { getSecretKeyring } from "@/server/secret-keyring";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  // Mutations are POSTs: refuse the ones another site's page makes a signed-in browser send (CSRF).
  const refusal = crossSiteRefusal(incoming);
  if (refusal) return crossSiteResponse(refusal);
  const req = await limitTrpcBody(incoming);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    async createContext() {
      const db = getDb();
      const env = webAppEnv();
      return createContextInner({
        db,
        user: await readSessionUser(db, req),
        ip: clientIp(req.headers),
        keyring: getSecretKeyring(),
        mailer: mailerFromEnv(env),
        appUrl: env.NEXTAUTH_URL,
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<unknown>"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
