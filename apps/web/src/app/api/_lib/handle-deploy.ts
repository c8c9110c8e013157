import { authorizeRestRequest, deployDagFiles, restRoute } from "@updraft/api";
import type { Db } from "@updraft/db";
import { clientIp } from "@/server/client-ip";
import { apiError } from "./api-error";
import { parseDeployBody } from "./parse-deploy-body";

/**
 * POST /api/v1/tenants/:slug/dags — deploys DAG files with an API token
 * (Author or higher). 200 when every file was stored, 422 with per-file
 * errors when any was rejected (then nothing was stored).
 */
export async function handleDeploy(request: Request, slug: string, deps: { db: Db; now?: Date }): Promise<Response> {
  const auth = await authorizeRestRequest(deps.db, restRoute("dags.deploy"), {
    tenantSlug: slug,
    authorization: request.headers.get("authorization"),
    now: deps.now,
  });
  if (!auth.ok) {
    return apiError(auth.status, auth.message, auth.status === 401 ? { "www-authenticate": 'Bearer realm="updraft"' } : undefined);
  }

  const body = await parseDeployBody(request);
  if (!body.ok) return apiError(body.status, body.message);

  try {
    const result = await deployDagFiles(deps.db, {
      tenantId: auth.caller.tenant.id,
      files: body.files,
      actor: auth.caller.actor,
      ip: clientIp(request.headers),
    });
    return Response.json(result, { status: result.ok ? 200 : 422 });
  } catch (error) {
    // The engine's UserError carries a message written for the caller.
    if (error instanceof Error && error.name === "UserError") return apiError(400, error.message);
    console.error(`deploy to tenant "${slug}" failed:`, error);
    return apiError(500, "The deploy failed on the server and nothing was stored; try again, or see the server log.");
  }
}
