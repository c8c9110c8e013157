import { collectDagFiles } from "./collect-dag-files";
import { DEPLOY_USAGE } from "./deploy-usage";
import { formatDeployResult, isDeployBody } from "./format-deploy-result";
import { parseDeployArgs } from "./parse-deploy-args";
import { sendDeploy } from "./send-deploy";

export interface DeployIo {
  out(text: string): void;
  err(text: string): void;
  fetch?: typeof fetch;
}

const defaultIo: DeployIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

function errorOf(body: unknown): string {
  if (typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "string") {
    return (body as { error: string }).error;
  }
  const text = typeof body === "string" ? body.trim().slice(0, 300) : JSON.stringify(body).slice(0, 300);
  return text || "(no details)";
}

const HINTS: Record<number, string> = {
  401: "check UPDRAFT_TOKEN / --token (create a token on the tenant's API tokens page)",
  403: "use a token with the AUTHOR role or higher, made in this tenant",
  404: "check --tenant and --url",
};

/**
 * `updraft deploy <dir> --tenant <slug>`: uploads the folder's DAG files in
 * one all-or-nothing deploy and prints one line per file. Returns the exit
 * code: 0 deployed, 1 a file was rejected, 2 usage, auth or network error.
 */
export async function runDeploy(args: readonly string[], env: Record<string, string | undefined>, io: DeployIo = defaultIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(DEPLOY_USAGE);
    return 0;
  }
  const parsed = parseDeployArgs(args, env);
  if (!parsed.ok) {
    io.err(`updraft deploy: ${parsed.message}\n\n${DEPLOY_USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const collected = await collectDagFiles(options.dir);
  if (!collected.ok) {
    io.err(`updraft deploy: ${collected.message}\n`);
    return 2;
  }

  const answer = await sendDeploy(options, collected.files, io.fetch);
  if (answer.kind === "unreachable") {
    io.err(`updraft deploy: ${answer.message}\n`);
    return 2;
  }
  const { status, body } = answer;
  if ((status === 200 || status === 422) && isDeployBody(body)) {
    const lines = formatDeployResult(body);
    if (lines.length > 0) io.out(`${lines.join("\n")}\n`);
    const total = body.results.length;
    if (body.ok) {
      io.out(`Deployed ${total} file${total === 1 ? "" : "s"} to ${options.tenant}.\n`);
      return 0;
    }
    const rejected = body.results.filter((r) => !r.ok).length;
    io.err(`Nothing was deployed: ${rejected} of ${total} file${total === 1 ? "" : "s"} rejected. Fix the errors above and deploy again.\n`);
    return 1;
  }
  const hint = HINTS[status];
  io.err(`updraft deploy: ${options.url} answered ${status}: ${errorOf(body)}${hint ? `\n  (${hint})` : ""}\n`);
  // Files over the size limits are a problem with what was deployed, like a rejected file.
  return status === 413 ? 1 : 2;
}
