import { describe, expect, it } from "vitest";
import { tenantObjectNames } from "./tenant-object-names";
import { DNS_LABEL, toDnsLabel } from "./to-dns-label";
import { LABEL_VALUE, toLabelValue } from "./to-label-value";

describe("toLabelValue", () => {
  it("keeps values that already are label values", () => {
    expect(toLabelValue("train_model")).toBe("train_model");
    expect(toLabelValue("3")).toBe("3");
  });

  it("makes run ids label-safe, readable and unique", () => {
    const a = toLabelValue("manual__2024-05-01T00:00:00+00:00");
    const b = toLabelValue("manual__2024-05-01T00:00:01+00:00");
    expect(a).toMatch(LABEL_VALUE);
    expect(a.startsWith("manual__2024-05-01T00_00_00_00_00-")).toBe(true);
    expect(a).not.toBe(b);
    expect(toLabelValue("manual__2024-05-01T00:00:00+00:00")).toBe(a);
  });

  it("shortens long values to 63 characters", () => {
    const long = "x".repeat(200);
    const value = toLabelValue(long);
    expect(value.length).toBeLessThanOrEqual(63);
    expect(value).toMatch(LABEL_VALUE);
    expect(toLabelValue("___")).toMatch(/^[0-9a-f]{10}$/);
  });
});

describe("toDnsLabel", () => {
  it("uses executor keys as they are and hashes anything else", () => {
    expect(toDnsLabel("ti-3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b-t2")).toBe("ti-3f2a9c0e5b7d4e1f8a6b2c9d0e1f2a3b-t2");
    const hashed = toDnsLabel("Not A Label!");
    expect(hashed).toMatch(DNS_LABEL);
    expect(hashed).toBe(toDnsLabel("Not A Label!"));
  });
});

describe("tenantObjectNames", () => {
  it("names the namespace updraft-<slug>", () => {
    expect(tenantObjectNames("acme-data").namespace).toBe("updraft-acme-data");
  });

  it("explains slugs that cannot name a namespace", () => {
    expect(() => tenantObjectNames("Acme")).toThrow(/tenant slug "Acme" cannot name a Kubernetes namespace/);
    expect(() => tenantObjectNames("a".repeat(56))).toThrow(/at most 55 characters/);
  });
});
