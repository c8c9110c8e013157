import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("accepts the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("stores argon2id with OWASP parameters and a fresh salt each time", async () => {
    const first = await hashPassword("s3cret-password");
    const second = await hashPassword("s3cret-password");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("s3cret-password");
  });

  it("says so when a stored hash is not an argon2 hash", async () => {
    await expect(verifyPassword("plain-text-password", "plain-text-password")).rejects.toThrow(
      /not an argon2 hash; reset the user's password/,
    );
  });
});
