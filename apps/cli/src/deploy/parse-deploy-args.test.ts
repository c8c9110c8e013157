import { describe, expect, it } from "vitest";
import { parseDeployArgs } from "./parse-deploy-args";

const TOKEN = "upd_0123456789abcdefghijABCDEFGHIJ0123456789";

describe("parseDeployArgs", () => {
  it("reads the folder and the flags, in any order and with =", () => {
    expect(parseDeployArgs(["--tenant", "acme", "./dags", `--token=${TOKEN}`, "--url", "https://updraft.example.com/"], {})).toEqual({
      ok: true,
      options: { dir: "./dags", tenant: "acme", url: "https://updraft.example.com", token: TOKEN },
    });
  });

  it("takes the URL and token from UPDRAFT_URL and UPDRAFT_TOKEN, with localhost:3000 as the default URL", () => {
    expect(parseDeployArgs(["dags", "--tenant", "acme"], { UPDRAFT_TOKEN: TOKEN })).toMatchObject({
      ok: true,
      options: { url: "http://localhost:3000", token: TOKEN },
    });
    expect(parseDeployArgs(["dags", "--tenant", "acme"], { UPDRAFT_TOKEN: TOKEN, UPDRAFT_URL: "http://ci-host:8080" })).toMatchObject({
      ok: true,
      options: { url: "http://ci-host:8080" },
    });
  });

  it("says what is missing or wrong", () => {
    const message = (args: string[], env: Record<string, string> = { UPDRAFT_TOKEN: TOKEN }) => {
      const parsed = parseDeployArgs(args, env);
      return parsed.ok ? "ok" : parsed.message;
    };
    expect(message(["--tenant", "acme"])).toBe("give the folder with the DAG files, e.g. updraft deploy ./dags --tenant acme");
    expect(message(["dags"])).toBe("--tenant <slug> is required, e.g. --tenant acme");
    expect(message(["dags", "--tenant"])).toBe("--tenant needs a value");
    expect(message(["dags", "--tenant", "acme", "--force"])).toBe("unknown option --force");
    expect(message(["a", "b", "--tenant", "acme"])).toBe("give one folder (got a, b)");
    expect(message(["dags", "--tenant", "acme", "--url", "ftp://x"])).toBe('--url must start with http:// or https:// (got "ftp://x")');
    expect(message(["dags", "--tenant", "acme"], {})).toMatch(/^no API token: set UPDRAFT_TOKEN/);
  });
});
