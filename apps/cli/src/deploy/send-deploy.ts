import type { DagFile } from "./collect-dag-files";
import type { DeployOptions } from "./parse-deploy-args";

export type DeployAnswer =
  | { kind: "answer"; status: number; body: unknown }
  | { kind: "unreachable"; message: string };

/** POSTs the files as multipart/form-data (one "file" part each) to the tenant's deploy endpoint. */
export async function sendDeploy(
  options: DeployOptions,
  files: readonly DagFile[],
  fetchImpl: typeof fetch = fetch,
): Promise<DeployAnswer> {
  const form = new FormData();
  for (const file of files) form.append("file", new Blob([file.content], { type: "application/yaml" }), file.name);
  const endpoint = `${options.url}/api/v1/tenants/${encodeURIComponent(options.tenant)}/dags`;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, accept: "application/json" },
      body: form,
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return { kind: "unreachable", message: `could not reach Updraft at ${options.url} (${why}); is it running? Set --url or UPDRAFT_URL` };
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a proxy's error page): keep the text
  }
  return { kind: "answer", status: response.status, body };
}
