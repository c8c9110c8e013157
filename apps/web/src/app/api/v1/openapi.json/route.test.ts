import { REST_ROUTES, type DeployResult } from "@updraft/api";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { DEPLOY_EXAMPLES, ERROR_EXAMPLES } from "@/app/api/_lib/openapi-examples";
import { apiErrorSchema, deployJsonBodySchema, deployRejectedSchema, deploySuccessSchema } from "@/app/api/_lib/deploy-schemas";
import { openApiPath } from "@/app/api/_lib/openapi-document";
import { GET } from "./route";

type Json = Record<string, unknown>;

// Compile-time: the documented schemas describe exactly what the engine answers.
function _documentedShapes(result: DeployResult): z.infer<typeof deploySuccessSchema> | z.infer<typeof deployRejectedSchema> {
  return result;
}

async function fetchDocument(): Promise<Json> {
  const response = GET(new Request("http://localhost:3000/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return JSON.parse(await response.text()) as Json;
}

/** Every `$ref` string anywhere in the document. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "$ref" && typeof v === "string") found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with the bearer token scheme and a link to the DAG file format", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Updraft REST API", version: "1" });
    const components = doc.components as { securitySchemes: Json; schemas: Json };
    expect(components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.externalDocs).toEqual({ description: "DAG file format (JSON Schema)", url: "http://localhost:3000/api/v1/dag-file-schema.json" });
  });

  it("describes every REST_ROUTES entry with its method, path and required role", async () => {
    const doc = await fetchDocument();
    const paths = doc.paths as Record<string, Record<string, Json>>;
    for (const route of REST_ROUTES) {
      const operation = paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path} is missing from the OpenAPI document`).toBeDefined();
      expect(operation!["x-required-role"]).toBe(route.requiredRole);
      expect(operation!.responses).toHaveProperty("200");
      if (route.requiredRole) expect(operation!.description).toContain(`${route.requiredRole} role`);
    }
    const described = Object.values(paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(described).toBe(REST_ROUTES.length);
  });

  it("documents the deploy's bodies, answers and errors", async () => {
    const doc = await fetchDocument();
    const deploy = (doc.paths as Record<string, Record<string, Json>>)["/api/v1/tenants/{slug}/dags"]!.post!;
    expect(deploy.security).toEqual([{ bearerToken: [] }]);
    expect(Object.keys((deploy.requestBody as { content: Json }).content)).toEqual(["multipart/form-data", "application/json"]);
    expect(Object.keys(deploy.responses as Json).sort()).toEqual(["200", "400", "401", "403", "404", "413", "415", "422"]);
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    expect(schemas.DeployFileError).toMatchObject({
      type: "object",
      required: ["line", "column", "path", "message", "text"],
    });
    expect(schemas.DeployRejected).toMatchObject({ properties: { ok: { const: false } } });
  });

  it("resolves every $ref inside the document", async () => {
    const doc = await fetchDocument();
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      const name = ref.slice("#/components/schemas/".length);
      expect((doc.components as { schemas: Json }).schemas, ref).toHaveProperty(name);
    }
  });

  it("has examples that the handlers' own schemas accept", () => {
    expect(deployJsonBodySchema.safeParse(DEPLOY_EXAMPLES.jsonBody).success).toBe(true);
    expect(deploySuccessSchema.safeParse(DEPLOY_EXAMPLES.success).success).toBe(true);
    expect(deployRejectedSchema.safeParse(DEPLOY_EXAMPLES.rejected).success).toBe(true);
    for (const example of Object.values(ERROR_EXAMPLES)) expect(apiErrorSchema.safeParse(example).success).toBe(true);
  });
});
