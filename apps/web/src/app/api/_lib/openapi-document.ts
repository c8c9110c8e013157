import { REST_ROUTES, type RestRoute } from "@updraft/api";
import { TENANT_SLUG_MAX_LENGTH, TENANT_SLUG_PATTERN } from "@updraft/domain/tenant-slug";
import { z } from "zod";
import {
  apiErrorSchema,
  DAG_FILE_SCHEMA_PATH,
  deployedFileSchema,
  deployFileErrorSchema,
  deployFileSchema,
  deployJsonBodySchema,
  deployRejectedSchema,
  deploySuccessSchema,
  notStoredFileSchema,
  rejectedFileSchema,
} from "./deploy-schemas";
import { formatBytes, MAX_DEPLOY_BODY_BYTES, MAX_DEPLOY_FILE_BYTES, MAX_DEPLOY_FILES } from "./deploy-limits";
import { DEPLOY_EXAMPLES, ERROR_EXAMPLES } from "./openapi-examples";

type Json = Record<string, unknown>;

const SCHEMA = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The component schemas, converted from the zod schemas the handlers use. */
function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  registry.add(deployFileSchema, { id: "DeployFile" });
  registry.add(deployJsonBodySchema, { id: "DeployJsonBody" });
  registry.add(deployFileErrorSchema, { id: "DeployFileError" });
  registry.add(deployedFileSchema, { id: "DeployedFile" });
  registry.add(rejectedFileSchema, { id: "RejectedFile" });
  registry.add(notStoredFileSchema, { id: "NotStoredFile" });
  registry.add(deploySuccessSchema, { id: "DeploySuccess" });
  registry.add(deployRejectedSchema, { id: "DeployRejected" });
  registry.add(apiErrorSchema, { id: "Error" });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  const out: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Json;
    out[id] = rest;
  }
  out.DeployMultipartBody = {
    type: "object",
    description: `One "file" part per DAG file (at most ${MAX_DEPLOY_FILES}); the part's file name names the file.`,
    properties: {
      file: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, minItems: 1, maxItems: MAX_DEPLOY_FILES },
    },
    required: ["file"],
  };
  return out;
}

function errorResponse(description: string, example: keyof typeof ERROR_EXAMPLES): Json {
  return {
    description,
    content: { "application/json": { schema: SCHEMA("Error"), example: ERROR_EXAMPLES[example] } },
  };
}

const slugParameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The tenant's slug (as in /t/<slug> in the web app)",
  schema: { type: "string", pattern: TENANT_SLUG_PATTERN.source, maxLength: TENANT_SLUG_MAX_LENGTH },
  example: "acme",
};

function roleText(route: RestRoute): string {
  return route.requiredRole ? `Needs the ${route.requiredRole} role (or higher) in the tenant.` : "Public.";
}

const operations: Record<RestRoute["id"], (route: RestRoute) => Json> = {
  "dags.deploy": (route) => ({
    operationId: "deployDags",
    summary: "Deploy DAG files",
    description:
      `Uploads one or many DAG files (YAML or JSON, format: ${DAG_FILE_SCHEMA_PATH}). Every file is validated exactly like an ` +
      "upload in the web app. All or nothing: if any file is rejected, nothing is stored and the answer (422) lists each " +
      `file's errors. ${roleText(route)} Limits: ${MAX_DEPLOY_FILES} files, ${formatBytes(MAX_DEPLOY_FILE_BYTES)} per file, ` +
      `${formatBytes(MAX_DEPLOY_BODY_BYTES)} per request (413 beyond). The CLI: npx updraft deploy ./dags --tenant <slug>.`,
    tags: ["DAGs"],
    security: [{ bearerToken: [] }],
    parameters: [slugParameter],
    requestBody: {
      required: true,
      content: {
        "multipart/form-data": { schema: SCHEMA("DeployMultipartBody"), encoding: { file: { contentType: "application/yaml, application/json, text/plain" } } },
        "application/json": { schema: SCHEMA("DeployJsonBody"), example: DEPLOY_EXAMPLES.jsonBody },
      },
    },
    responses: {
      "200": {
        description: "Every file was stored (or was identical to the DAG's current version: changed is false)",
        content: { "application/json": { schema: SCHEMA("DeploySuccess"), example: DEPLOY_EXAMPLES.success } },
      },
      "400": errorResponse("The body could not be read (malformed JSON or multipart, no files)", "badBody"),
      "401": errorResponse("No, an unknown, a revoked or an expired API token", "unauthorized"),
      "403": errorResponse("The token's role is too low, or it belongs to another tenant", "forbidden"),
      "404": errorResponse("No such tenant", "notFound"),
      "413": errorResponse(
        `Too many files, a file over ${formatBytes(MAX_DEPLOY_FILE_BYTES)} or a body over ${formatBytes(MAX_DEPLOY_BODY_BYTES)}`,
        "tooLarge",
      ),
      "415": errorResponse("Neither multipart/form-data nor application/json", "unsupported"),
      "422": {
        description: "At least one file was rejected; nothing was stored",
        content: { "application/json": { schema: SCHEMA("DeployRejected"), example: DEPLOY_EXAMPLES.rejected } },
      },
    },
  }),
  "audit.csv": (route) => ({
    operationId: "exportAuditLog",
    summary: "Export the audit log as CSV",
    description: `The tenant's audit events, newest first, as CSV (time, actor, action, target_type, target, ip, details). ${roleText(route)} Browser session only.`,
    tags: ["Audit"],
    security: [{ sessionCookie: [] }],
    parameters: [
      slugParameter,
      { name: "action", in: "query", schema: { type: "string" }, description: 'Exact action ("dag.deploy") or a prefix ending in "." ("dag.")' },
      { name: "actor", in: "query", schema: { type: "string" }, description: 'Part of the actor: an e-mail or "token <name>" (any case)' },
      { name: "from", in: "query", schema: { type: "string" }, description: "From this date (UTC day, e.g. 2025-01-31) or ISO 8601 instant, inclusive" },
      { name: "to", in: "query", schema: { type: "string" }, description: "Up to this date (UTC day, inclusive) or ISO 8601 instant (exclusive)" },
    ],
    responses: {
      "200": {
        description: "CSV, RFC 4180",
        content: { "text/csv": { schema: { type: "string" }, example: DEPLOY_EXAMPLES.auditCsv } },
      },
      "400": errorResponse("A filter could not be read", "badFilter"),
      "401": errorResponse("Not signed in", "signIn"),
      "403": errorResponse("Role below Admin", "forbiddenAudit"),
      "404": errorResponse("No such tenant, or not a member", "notFound"),
    },
  }),
  openapi: (route) => ({
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: roleText(route),
    tags: ["Meta"],
    security: [],
    responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } },
  }),
};

/** `/api/v1/tenants/:slug/dags` → `/api/v1/tenants/{slug}/dags`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, "{$1}");
}

/** The OpenAPI 3.1 document of the REST API: one operation per REST_ROUTES entry. */
export function buildOpenApiDocument(options: { serverUrl: string }): Json {
  const server = options.serverUrl.replace(/\/+$/, "");
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of REST_ROUTES as readonly RestRoute[]) {
    const operation = { ...operations[route.id](route), "x-required-role": route.requiredRole };
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Updraft REST API",
      version: "1",
      description:
        "Deploy DAGs from CI with an API token (create one on the tenant's API tokens page; it is shown once). " +
        `Errors are JSON {"ok": false, "error": "…"} saying what was wrong. DAG file format: ${server}${DAG_FILE_SCHEMA_PATH}`,
    },
    externalDocs: { description: "DAG file format (JSON Schema)", url: `${server}${DAG_FILE_SCHEMA_PATH}` },
    servers: [{ url: server }],
    tags: [{ name: "DAGs" }, { name: "Audit" }, { name: "Meta" }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "upd_ followed by 40 letters and digits",
          description: "A tenant API token: Authorization: Bearer upd_…",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The web app's sign-in session (__Secure-next-auth.session-token over HTTPS)",
        },
      },
    },
  };
}
