export interface DeployOptions {
  dir: string;
  tenant: string;
  /** Base URL without a trailing slash. */
  url: string;
  token: string;
}

export type ParsedDeployArgs = { ok: true; options: DeployOptions } | { ok: false; message: string };

const DEFAULT_URL = "http://localhost:3000";
const FLAGS = ["--tenant", "--url", "--token"] as const;
type Flag = (typeof FLAGS)[number];

/** `<dir> --tenant <slug> [--url <url>] [--token <token>]`, with UPDRAFT_URL / UPDRAFT_TOKEN as defaults. */
export function parseDeployArgs(args: readonly string[], env: Record<string, string | undefined>): ParsedDeployArgs {
  const flags: Partial<Record<Flag, string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if ((FLAGS as readonly string[]).includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
        return { ok: false, message: `${name} needs a value` };
      }
      flags[name as Flag] = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      return { ok: false, message: `unknown option ${name}` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0) return { ok: false, message: "give the folder with the DAG files, e.g. updraft deploy ./dags --tenant acme" };
  if (positional.length > 1) return { ok: false, message: `give one folder (got ${positional.join(", ")})` };

  const tenant = flags["--tenant"]?.trim();
  if (!tenant) return { ok: false, message: "--tenant <slug> is required, e.g. --tenant acme" };

  const rawUrl = (flags["--url"] ?? env.UPDRAFT_URL ?? "").trim() || DEFAULT_URL;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, message: `--url must be the web app's URL, e.g. https://updraft.example.com (got "${rawUrl}")` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, message: `--url must start with http:// or https:// (got "${rawUrl}")` };
  }

  const token = (flags["--token"] ?? env.UPDRAFT_TOKEN ?? "").trim();
  if (!token) {
    return {
      ok: false,
      message: "no API token: set UPDRAFT_TOKEN (or pass --token upd_…); create a token with the AUTHOR role on the tenant's API tokens page",
    };
  }
  return { ok: true, options: { dir: positional[0]!, tenant, url: url.href.replace(/\/+$/, ""), token } };
}
