import { getDb } from "@/server/get-db";
import { getServerSession } from "next-auth";
import { handleAuditCsv } from "@/app/api/_lib/handle-audit-csv";
import { authOptions } from "@/server/auth-options";

export const dynamic = "force-dynamic";

/** The tenant's audit log as CSV (Admin or Owner, browser session); filters: action, actor, from, to. */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  const session = await getServerSession(authOptions);
  return handleAuditCsv(request, slug, { db: getDb(), user: session?.user ?? null });
}
