import { describe, expect, it } from "vitest";
import { maskSecretEnv } from "./mask-secret-env";

describe("maskSecretEnv", () => {
  it("hides values whose name looks secret and keeps the rest", () => {
    expect(
      maskSecretEnv({
        API_TOKEN: "t0k3n",
        db_password: "hunter2",
        AWS_SECRET_ACCESS_KEY: "abc",
        SSH_KEY_PATH: "/keys/id",
        GCP_CREDENTIALS: "{}",
        GREETING: "hello",
        BATCH_SIZE: "100",
      }),
    ).toEqual({
      API_TOKEN: "***",
      db_password: "***",
      AWS_SECRET_ACCESS_KEY: "***",
      SSH_KEY_PATH: "***",
      GCP_CREDENTIALS: "***",
      GREETING: "hello",
      BATCH_SIZE: "100",
    });
  });
});
