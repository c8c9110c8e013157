import { describe, expect, it } from "vitest";
import { MAX_ACCOUNT_NAME_LENGTH, MAX_NEW_ACCOUNT_PASSWORD, MIN_NEW_ACCOUNT_PASSWORD } from "./account-rules";

describe("new account rules", () => {
  it("take passwords of 12 to 1024 characters and names of at most 200", () => {
    expect(MIN_NEW_ACCOUNT_PASSWORD).toBe(12);
    expect(MAX_NEW_ACCOUNT_PASSWORD).toBe(1024);
    expect(MIN_NEW_ACCOUNT_PASSWORD).toBeLessThan(MAX_NEW_ACCOUNT_PASSWORD);
    expect(MAX_ACCOUNT_NAME_LENGTH).toBe(200);
  });
});
