import { describe, expect, it } from "vitest";
import { connectionFieldsFrom, connectionValues, EMPTY_CONNECTION_FIELDS } from "./connection-fields";

const fields = { ...EMPTY_CONNECTION_FIELDS, connId: " warehouse ", connType: "postgres" };

describe("connectionValues", () => {
  it("turns the form's text into API values, empty fields into null", () => {
    expect(connectionValues({ ...fields, host: " db.internal ", port: "5432", extra: ' {"sslmode":"require"} ' })).toEqual({
      ok: true,
      value: {
        connId: "warehouse",
        connType: "postgres",
        description: null,
        host: "db.internal",
        port: 5432,
        login: null,
        schema: null,
        extra: '{"sslmode":"require"}',
      },
    });
  });

  it("explains a port that is not a number from 1 to 65535", () => {
    for (const port of ["99999", "0", "54x", "5.5", "-1"]) {
      const result = connectionValues({ ...fields, port });
      expect(result.ok ? null : result.error).toBe(`The port must be a number from 1 to 65535, e.g. 5432; got "${port}".`);
    }
  });
});

describe("connectionFieldsFrom", () => {
  it("fills the form from a stored connection", () => {
    expect(
      connectionFieldsFrom({ connId: "api", connType: "http", description: null, host: "x", port: 443, login: null, schema: null, extra: { a: 1 } }),
    ).toMatchObject({ connId: "api", port: "443", login: "", extra: '{\n  "a": 1\n}' });
    expect(
      connectionFieldsFrom({ connId: "api", connType: "http", description: null, host: null, port: null, login: null, schema: null, extra: null }),
    ).toMatchObject({ port: "", extra: "" });
  });
});
