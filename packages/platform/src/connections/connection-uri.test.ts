import { describe, expect, it } from "vitest";
import { UserError } from "@updraft/engine";
import { connectionToUri, parseConnectionUri, type ConnectionUriFields } from "./connection-uri";

const none = { host: null, port: null, login: null, password: null, schema: null, extra: null };

describe("parseConnectionUri", () => {
  it("reads every part of an Airflow URI, percent-decoding login, password, host and schema", () => {
    expect(parseConnectionUri("postgres://user:p%40ss@db.example.com:5432/analytics?sslmode=require")).toEqual({
      connType: "postgres",
      host: "db.example.com",
      port: 5432,
      login: "user",
      password: "p@ss",
      schema: "analytics",
      extra: { sslmode: "require" },
    });
    expect(parseConnectionUri("mysql://we%20ird%3Auser:a%3Ab%2Fc%3Fd%23e%25f@h/my%20db")).toMatchObject({
      login: "we ird:user",
      password: "a:b/c?d#e%f",
      host: "h",
      schema: "my db",
    });
  });

  it("normalises the type as Airflow does (postgresql → postgres, - → _)", () => {
    expect(parseConnectionUri("postgresql://h").connType).toBe("postgres");
    expect(parseConnectionUri("Google-Cloud-Platform://").connType).toBe("google_cloud_platform");
  });

  it("takes __extra__ (a JSON object) and other query parameters as extra", () => {
    const extra = encodeURIComponent(JSON.stringify({ region_name: "eu-west-1", retries: { max: 3 } }));
    expect(parseConnectionUri(`aws://?__extra__=${extra}&profile=dev+box`).extra).toEqual({
      region_name: "eu-west-1",
      retries: { max: 3 },
      profile: "dev box",
    });
    expect(parseConnectionUri("http://host/?a=1&b=").extra).toEqual({ a: "1", b: "" });
  });

  it("keeps a protocol in the host (http://https://example.com) and reads IPv6 hosts", () => {
    expect(parseConnectionUri("http://https://user:pw@api.example.com:8443/v1")).toMatchObject({
      connType: "http",
      host: "https://api.example.com",
      port: 8443,
      login: "user",
      password: "pw",
      schema: "v1",
    });
    expect(parseConnectionUri("postgres://[::1]:5433/db")).toMatchObject({ host: "[::1]", port: 5433 });
  });

  it("leaves absent parts null", () => {
    expect(parseConnectionUri("redis://")).toEqual({ connType: "redis", ...none });
    expect(parseConnectionUri("redis://@:6379")).toEqual({ connType: "redis", ...none, port: 6379 });
    expect(parseConnectionUri("ftp://anonymous@files")).toEqual({ connType: "ftp", ...none, login: "anonymous", host: "files" });
  });

  it("explains malformed URIs", () => {
    const cases: [string, string][] = [
      ["db.example.com:5432", "must start with a connection type and ://"],
      ["postgres://u:p@h:99999/db", 'the port "99999" is not a number from 1 to 65535'],
      ["postgres://u:p@h:port/db", 'the port "port" is not a number'],
      ["postgres://u:p%zz@h/db", "the password has a broken percent-encoding"],
      ["postgres://u:p#x@h/db", "it contains # (in a password write it as %23)"],
      ["postgres://u:p w@h/db", "it contains spaces"],
      ["aws://?__extra__=%7Bnot-json", "__extra__ query parameter is not valid JSON"],
      ["aws://?__extra__=%5B1%5D", "__extra__ query parameter must be a JSON object"],
      ["aws://?__extra__=%7B%22a%22%3A%221%22%7D&a=2", '"a" is given both inside __extra__ and as a query parameter'],
      ["a://b://c://d", "contains :// more than twice"],
      ["http://us@er://host", "only the host may carry a second scheme"],
      ["postgres://[::1/db", "IPv6 host"],
      ["9db://host", "must start with a connection type"],
    ];
    for (const [uri, problem] of cases) {
      let message = "";
      try {
        parseConnectionUri(uri);
      } catch (error) {
        expect(error, uri).toBeInstanceOf(UserError);
        message = (error as Error).message;
      }
      expect(message, uri).toContain("This is not a valid connection URI:");
      expect(message, uri).toContain(problem);
      expect(message, uri).toContain("postgres://user:password@host:5432/database");
    }
  });
});

describe("connectionToUri", () => {
  const warehouse: ConnectionUriFields = {
    connType: "postgres",
    host: "db.example.com",
    port: 5432,
    login: "etl user",
    password: "p@ss/w:rd?#%",
    schema: "analytics",
    extra: { sslmode: "require", application_name: "updraft etl" },
  };

  it("writes the URI Airflow's get_uri writes, with every part percent-encoded", () => {
    expect(connectionToUri(warehouse, "full")).toBe(
      "postgres://etl%20user:p%40ss%2Fw%3Ard%3F%23%25@db.example.com:5432/analytics?sslmode=require&application_name=updraft+etl",
    );
  });

  it("redacts the password as *** (also when only hasPassword is known)", () => {
    expect(connectionToUri(warehouse, "redacted")).toBe(
      "postgres://etl%20user:***@db.example.com:5432/analytics?sslmode=require&application_name=updraft+etl",
    );
    const { password: _password, ...withoutPassword } = warehouse;
    expect(connectionToUri({ ...withoutPassword, hasPassword: true }, "redacted")).toContain(":***@");
    expect(connectionToUri({ ...withoutPassword, hasPassword: false }, "redacted")).toContain("//etl%20user@db");
    expect(() => connectionToUri({ ...withoutPassword, hasPassword: true }, "full")).toThrow("needs the decrypted password");
  });

  it("uses __extra__ for extra that is not all strings, and /? without a schema", () => {
    const uri = connectionToUri({ connType: "aws", ...none, extra: { region_name: "eu-west-1", retries: 3 } }, "full");
    expect(uri).toBe(`aws:///?__extra__=${encodeURIComponent(JSON.stringify({ region_name: "eu-west-1", retries: 3 }))}`);
  });

  it("writes _ in types as - and keeps a host's protocol, port-only as @:port", () => {
    expect(connectionToUri({ connType: "google_cloud_platform", ...none }, "full")).toBe("google-cloud-platform://");
    expect(connectionToUri({ connType: "http", ...none, host: "https://api.example.com", login: "u", password: "p" }, "full")).toBe(
      "http://https://u:p@api.example.com",
    );
    expect(connectionToUri({ connType: "redis", ...none, port: 6379 }, "full")).toBe("redis://@:6379");
  });

  it("round-trips through parseConnectionUri", () => {
    const samples: ConnectionUriFields[] = [
      warehouse,
      { connType: "aws", ...none, extra: { region_name: "eu-west-1", nested: { a: [1, 2] } } },
      { connType: "http", ...none, host: "https://api.example.com", port: 8443, login: "ü ser", password: "ä+b c&d=e" },
      { connType: "redis", ...none, port: 6379 },
      { connType: "postgres", ...none, host: "[::1]", schema: "a/b c", extra: { options: "-c search_path=x" } },
    ];
    for (const sample of samples) expect(parseConnectionUri(connectionToUri(sample, "full"))).toEqual(sample);
  });
});
