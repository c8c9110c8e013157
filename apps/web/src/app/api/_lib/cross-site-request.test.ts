import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site-request";

function post(headers: Record<string, string>, url = "http://localhost:3000/api/trpc/dags.upload"): Request {
  return new Request(url, { method: "POST", headers });
}

describe("crossSiteRefusal", () => {
  it("lets the app's own pages through", () => {
    expect(crossSiteRefusal(post({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), undefined)).toBeNull();
  });

  it("refuses a POST that the browser marks cross-site, saying why", () => {
    expect(crossSiteRefusal(post({ "sec-fetch-site": "cross-site" }), undefined)).toBe(
      "Cross-site request refused: this API only accepts requests from the Updraft app's own pages (Sec-Fetch-Site: cross-site).",
    );
    expect(crossSiteRefusal(post({ "sec-fetch-site": "same-site", origin: "http://evil.localhost:3000" }), undefined)).toMatch(/^Cross-site request refused/);
  });

  it("refuses a POST from another origin (older browsers send only Origin)", () => {
    expect(crossSiteRefusal(post({ origin: "https://evil.example" }), undefined)).toBe(
      "Cross-site request refused: this API only accepts requests from the Updraft app's own pages, not from https://evil.example.",
    );
    expect(crossSiteRefusal(post({ origin: "null" }), undefined)).toMatch(/not from null\.$/);
    expect(crossSiteRefusal(post({ origin: "http://localhost:3001" }), undefined)).toMatch(/^Cross-site request refused/);
  });

  it("accepts the public origin behind a proxy (NEXTAUTH_URL or X-Forwarded-Host)", () => {
    const internal = "http://10.0.0.5:3000/api/trpc/dags.upload";
    expect(crossSiteRefusal(post({ origin: "https://updraft.example.com" }, internal), "https://updraft.example.com/")).toBeNull();
    expect(
      crossSiteRefusal(
        post({ origin: "https://updraft.example.com", "x-forwarded-host": "updraft.example.com", "x-forwarded-proto": "https" }, internal),
        undefined,
      ),
    ).toBeNull();
  });

  it("leaves reads and requests without browser headers (scripts, tests) alone", () => {
    expect(crossSiteRefusal(new Request("http://localhost:3000/api/trpc/dags.list", { headers: { "sec-fetch-site": "cross-site" } }), undefined)).toBeNull();
    expect(crossSiteRefusal(post({}), undefined)).toBeNull();
  });
});
