import { formatBytes, MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILES } from "./deploy-limits";
import { deployJsonBodySchema } from "./deploy-schemas";
import { readLimitedBody } from "./read-limited-body";

export interface DeployUpload {
  name: string;
  content: string;
}

export type ParsedDeployBody = { ok: true; files: DeployUpload[] } | { ok: false; status: 400 | 413 | 415; message: string };

const HOW_TO_SEND =
  'send multipart/form-data with one "file" part per DAG file (curl -F file=@etl.yaml), ' +
  'or application/json {"files":[{"name":"etl.yaml","content":"…"}]}';

const fail = (status: 400 | 413 | 415, message: string): ParsedDeployBody => ({ ok: false, status, message });

function tooLargeFile(name: string, bytes: number): ParsedDeployBody {
  return fail(
    413,
    `"${name}" is ${bytes} bytes; DAG files are limited to ${formatBytes(MAX_DEPLOY_FILE_BYTES)} (${MAX_DEPLOY_FILE_BYTES} bytes): split the DAG or shrink the file`,
  );
}

function checkCounts(files: DeployUpload[]): ParsedDeployBody {
  if (files.length === 0) return fail(400, `No DAG files in the request: ${HOW_TO_SEND}`);
  if (files.length > MAX_DEPLOY_FILES) {
    return fail(413, `Too many files: a deploy takes at most ${MAX_DEPLOY_FILES} files (got ${files.length}); deploy in smaller batches`);
  }
  for (const file of files) {
    const bytes = Buffer.byteLength(file.content, "utf8");
    if (bytes > MAX_DEPLOY_FILE_BYTES) return tooLargeFile(file.name, bytes);
  }
  return { ok: true, files };
}

async function parseMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<ParsedDeployBody> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return fail(400, `The multipart body could not be read (is the boundary right?): ${HOW_TO_SEND}`);
  }
  const files: DeployUpload[] = [];
  for (const [field, value] of form.entries()) {
    if (field !== "file") return fail(400, `Unexpected form field "${field}": ${HOW_TO_SEND}`);
    if (typeof value === "string") {
      return fail(400, 'Each "file" part must be a file upload with a file name (curl -F file=@etl.yaml), not a plain text field');
    }
    if (value.size > MAX_DEPLOY_FILE_BYTES) return tooLargeFile(value.name, value.size);
    files.push({ name: value.name, content: await value.text() });
  }
  return checkCounts(files);
}

function parseJson(bytes: Uint8Array): ParsedDeployBody {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    return fail(400, `The body is not valid JSON (${(error as Error).message}): ${HOW_TO_SEND}`);
  }
  const parsed = deployJsonBodySchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "body"}: ${issue.message}`);
    return fail(400, `The JSON body does not match {"files":[{"name","content"}]}: ${problems.slice(0, 5).join("; ")}`);
  }
  return checkCounts(parsed.data.files);
}

/**
 * Reads the DAG files of a deploy request (multipart or JSON), enforcing the
 * limits before anything is parsed: 413 past 8 MiB of body, 100 files or 1 MiB
 * in one file; 400 for a body that cannot be read; 415 for other content types.
 */
export async function parseDeployBody(request: Request): Promise<ParsedDeployBody> {
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "multipart/form-data" && mediaType !== "application/json") {
    return fail(415, `Unsupported Content-Type "${mediaType || "(none)"}": ${HOW_TO_SEND}`);
  }
  const body = await readLimitedBody(request, MAX_DEPLOY_BODY_BYTES);
  if (!body.ok) {
    return fail(413, `The request body is larger than ${formatBytes(MAX_DEPLOY_BODY_BYTES)}: deploy the files in smaller batches`);
  }
  return mediaType === "multipart/form-data" ? parseMultipart(body.bytes, contentType) : parseJson(body.bytes);
}
