import { getDb } from "@/server/get-db";
import { handleDeploy } from "@/app/api/_lib/handle-deploy";

export const dynamic = "force-dynamic";

/** Deploys DAG files with an API token; see GET /api/v1/openapi.json. */
export async function POST(request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  return handleDeploy(request, slug, { db: getDb() });
}
