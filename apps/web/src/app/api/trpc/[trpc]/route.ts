import { appRouter, createContextInner } from "@updraft/api";
import { getDb } from "@updraft/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServerSession } from "next-auth";
import { authOptions } from "@/server/auth-options";
import { clientIp } from "@/server/client-ip";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    async createContext() {
      const session = await getServerSession(authOptions);
      return createContextInner({ db: getDb(), user: session?.user ?? null, ip: clientIp(req.headers) });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`tRPC ${path ?? "<unknown>"} failed:`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
