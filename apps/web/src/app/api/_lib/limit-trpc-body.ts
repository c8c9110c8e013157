import { FILE_SIZE_LIMIT_TEXT } from "@updraft/dag/limits";
import { readLimitedBody } from "./read-limited-body";

/**
 * The largest tRPC request body accepted: a 1 MiB DAG file (the format's
 * limit) JSON-escaped in a batch, with room to spare.
 */
export const MAX_TRPC_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Reads a tRPC POST body up to MAX_TRPC_BODY_BYTES and hands back an
 * equivalent request, or a 413 in tRPC's error shape: an oversized request is
 * refused before anything parses it, and nothing is stored.
 */
export async function limitTrpcBody(req: Request, maxBytes = MAX_TRPC_BODY_BYTES): Promise<Request | Response> {
  if (req.method !== "POST") return req;
  const body = await readLimitedBody(req, maxBytes);
  if (!body.ok) {
    const mib = Math.round(maxBytes / 1024 / 1024);
    return Response.json(
      {
        error: {
          message: `The request is larger than ${mib} MiB and was refused; nothing was stored. DAG files may be at most ${FILE_SIZE_LIMIT_TEXT}.`,
          code: -32600,
          data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
        },
      },
      { status: 413 },
    );
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: body.bytes });
}
