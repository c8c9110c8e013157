import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { KubeConfig } from "@kubernetes/client-node";

export interface PodLogRequest {
  namespace: string;
  pod: string;
  container: string;
  follow: boolean;
  /** RFC 3339; only lines written at or after it. */
  sinceTime?: string;
}

/** The log endpoint refused: 400 while the container has not started, 404 when the pod is gone. */
export class PodLogRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PodLogStream {
  /** Resolves "complete" when the server ended the stream, "dropped" when the connection broke or was aborted. */
  done: Promise<"complete" | "dropped">;
  abort(): void;
}

/**
 * `GET /api/v1/namespaces/{ns}/pods/{pod}/log?timestamps=true[&follow=true]`
 * with the KubeConfig's credentials, TLS and proxy settings (the same
 * `applyToHTTPSOptions` the client's own Log and Watch use), but with full
 * control over the connection: a stream that breaks is reported as
 * "dropped" so the caller can resume, which the client's Log helper cannot
 * tell apart from a clean end.
 */
export async function openPodLogStream(
  kubeConfig: KubeConfig,
  target: PodLogRequest,
  onText: (text: string) => void,
): Promise<PodLogStream> {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig has no current cluster");
  const url = new URL(
    `${cluster.server.replace(/\/$/, "")}/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/log`,
  );
  url.searchParams.set("container", target.container);
  url.searchParams.set("timestamps", "true");
  if (target.follow) url.searchParams.set("follow", "true");
  if (target.sinceTime) url.searchParams.set("sinceTime", target.sinceTime);
  const options: RequestOptions = { method: "GET", headers: {} };
  await kubeConfig.applyToHTTPSOptions(options);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise<PodLogStream>((resolve, reject) => {
    const req = send(url, options, (res: IncomingMessage) => {
      res.setEncoding("utf8");
      if (res.statusCode !== 200) {
        let body = "";
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => {
          let message = body.trim() || `HTTP ${res.statusCode}`;
          try {
            message = (JSON.parse(body) as { message?: string }).message ?? message;
          } catch {
            // a plain-text body is the message
          }
          reject(new PodLogRequestError(res.statusCode ?? 0, message));
        });
        res.on("error", reject);
        return;
      }
      const done = new Promise<"complete" | "dropped">((settle) => {
        let ended = false;
        res.on("data", (chunk: string) => onText(chunk));
        res.on("end", () => {
          ended = true;
          settle("complete");
        });
        res.on("error", () => settle("dropped"));
        res.on("close", () => settle(ended ? "complete" : "dropped"));
      });
      resolve({ done, abort: () => req.destroy() });
    });
    req.on("error", reject);
    req.end();
  });
}
