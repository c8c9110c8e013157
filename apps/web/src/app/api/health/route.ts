import { getDb } from "@/server/get-db";

export const dynamic = "force-dynamic";

/** Liveness + database check for load balancers and `npm start`. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch (error) {
    console.error("health check: database unreachable", error);
    return Response.json({ ok: false, error: "Database unreachable" }, { status: 503 });
  }
}
