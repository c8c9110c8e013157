import { describe, expect, it } from "vitest";
import { POST } from "./route";

describe("POST /api/trpc", () => {
  it("answers 403 with a clear message to a mutation sent from another site", async () => {
    const response = await POST(
      new Request("http://localhost:3000/api/trpc/dags.upload", {
        method: "POST",
        headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json" },
        body: JSON.stringify({ json: { tenantSlug: "acme", fileName: "x.yaml", source: "dag_id: x" } }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        message:
          "Cross-site request refused: this API only accepts requests from the Updraft app's own pages (Sec-Fetch-Site: cross-site).",
        code: -32003,
        data: { code: "FORBIDDEN", httpStatus: 403 },
      },
    });
  });

  it("answers 413 to a body over 4 MiB, before parsing it", async () => {
    const response = await POST(
      new Request("http://localhost:3000/api/trpc/dags.upload", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { tenantSlug: "acme", fileName: "x.yaml", source: "#".repeat(5 * 1024 * 1024) } }),
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toContain("larger than 4 MiB");
  });
});
