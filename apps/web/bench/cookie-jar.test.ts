import { describe, expect, it } from "vitest";
import { mergeSetCookies } from "./cookie-jar";

describe("cookies for the signed-in session", () => {
  it("keeps every cookie set, lets later values win and drops cleared ones", () => {
    const first = mergeSetCookies("", [
      "next-auth.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax",
      "next-auth.callback-url=http%3A%2F%2Fx; Path=/",
    ]);
    expect(first).toBe("next-auth.csrf-token=abc%7Cdef; next-auth.callback-url=http%3A%2F%2Fx");
    const second = mergeSetCookies(first, [
      "next-auth.session-token=jwt.value; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT; HttpOnly",
      "next-auth.callback-url=; Path=/; Max-Age=0",
    ]);
    expect(second).toBe("next-auth.csrf-token=abc%7Cdef; next-auth.session-token=jwt.value");
  });
});
