import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { webAppEnv } from "../config/env";

type Env = Record<string, string | undefined>;

export type OAuthProviderId = "github" | "google" | "oidc";

/** One OAuth/OIDC provider switched on by its environment variables. */
export interface OAuthProviderSettings {
  id: OAuthProviderId;
  name: string;
  clientId: string;
  clientSecret: string;
  /** OIDC only: the issuer URL (its /.well-known/openid-configuration is read). */
  issuer?: string;
}

/** Thrown at startup when a provider's variables are only partly set, or wrong. */
export class SignInProviderConfigError extends Error {
  override readonly name = "SignInProviderConfigError";
}

const PROVIDERS: ReadonlyArray<{ id: OAuthProviderId; name: (env: Env) => string; vars: readonly [string, string, ...string[]] }> = [
  { id: "github", name: () => "GitHub", vars: ["GITHUB_ID", "GITHUB_SECRET"] },
  { id: "google", name: () => "Google", vars: ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"] },
  { id: "oidc", name: (env) => env.OIDC_NAME?.trim() || "Single sign-on", vars: ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] },
];

const list = (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`);

function checkIssuer(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return `OIDC_ISSUER must be the issuer's URL, e.g. https://login.example.com/realms/acme (got "${issuer}")`;
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(local && url.protocol === "http:")) {
    return `OIDC_ISSUER must use https:// (got "${issuer}")`;
  }
  return null;
}

/**
 * The OAuth/OIDC providers the environment switches on: each only when all
 * of its variables are set. A provider with some but not all of them set (or
 * a malformed OIDC_ISSUER) is a configuration mistake, reported as one error
 * naming every variable to fix, rather than a sign-in button that fails.
 */
export function oauthProviderSettings(env: Env = webAppEnv()): OAuthProviderSettings[] {
  const enabled: OAuthProviderSettings[] = [];
  const problems: string[] = [];
  for (const provider of PROVIDERS) {
    const value = (name: string) => env[name]?.trim() ?? "";
    const set = provider.vars.filter((name) => value(name) !== "");
    if (set.length === 0) continue;
    const name = provider.name(env);
    if (set.length < provider.vars.length) {
      const missing = provider.vars.filter((v) => !set.includes(v));
      problems.push(
        `${name} sign-in is half-configured: ${list(set)} ${set.length === 1 ? "is" : "are"} set but ${list(missing)} ${missing.length === 1 ? "is" : "are"} not. ` +
          `Set ${list([...provider.vars])} to enable ${name} sign-in, or unset ${list(set)}.`,
      );
      continue;
    }
    const [idVar, secretVar] = provider.id === "oidc" ? ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] : provider.vars;
    const settings: OAuthProviderSettings = { id: provider.id, name, clientId: value(idVar), clientSecret: value(secretVar) };
    if (provider.id === "oidc") {
      const issuer = value("OIDC_ISSUER").replace(/\/+$/, "");
      const issue = checkIssuer(issuer);
      if (issue) {
        problems.push(issue);
        continue;
      }
      settings.issuer = issuer;
    }
    enabled.push(settings);
  }
  if (problems.length > 0) throw new SignInProviderConfigError(problems.join("\n"));
  return enabled;
}

/**
 * The OAuth/OIDC providers to offer as "Sign in with …" buttons, in order.
 * E-mail and password sign-in is always on and not listed here.
 */
export function enabledSignInProviders(env: Env = webAppEnv()): { id: OAuthProviderId; name: string }[] {
  return oauthProviderSettings(env).map(({ id, name }) => ({ id, name }));
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The e-mail a GitHub sign-in stands for, and whether GitHub verified it: the
 * profile's public e-mail when it is a verified address of the account,
 * otherwise the primary address.
 */
export function pickGitHubEmail(publicEmail: string | null | undefined, emails: readonly GitHubEmail[]): { email: string | null; verified: boolean } {
  const wanted = publicEmail?.trim().toLowerCase();
  const listed = wanted ? emails.find((e) => e.email.toLowerCase() === wanted) : undefined;
  if (listed?.verified) return { email: listed.email, verified: true };
  const primary = emails.find((e) => e.primary);
  if (primary) return { email: primary.email, verified: primary.verified };
  return { email: publicEmail ?? null, verified: false };
}

async function fetchGitHubEmails(accessToken: string): Promise<GitHubEmail[]> {
  const response = await fetch("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json", "User-Agent": "updraft" },
  });
  if (!response.ok) return [];
  const body: unknown = await response.json();
  return Array.isArray(body) ? (body as GitHubEmail[]) : [];
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
  picture?: string;
}

function oidcProvider(settings: OAuthProviderSettings): OAuthConfig<OidcProfile> {
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? null,
        email: profile.email ?? "",
        image: profile.picture ?? null,
        isPlatformAdmin: false,
        sid: "",
      };
    },
  };
}

/** next-auth provider objects for the enabled OAuth/OIDC providers (credentials are added by auth-options). */
export function oauthProviders(env: Env = webAppEnv()): Provider[] {
  return oauthProviderSettings(env).map((settings): Provider => {
    switch (settings.id) {
      case "github":
        return GitHubProvider({
          clientId: settings.clientId,
          clientSecret: settings.clientSecret,
          userinfo: {
            url: "https://api.github.com/user",
            // Ask GitHub which of the account's addresses are verified: only a verified one may link to a user.
            async request({ client, tokens }) {
              const profile = await client.userinfo(tokens.access_token!);
              const picked = pickGitHubEmail(profile.email as string | null, await fetchGitHubEmails(tokens.access_token!));
              return { ...profile, email: picked.email ?? undefined, email_verified: picked.verified };
            },
          },
        });
      case "google":
        return GoogleProvider({ clientId: settings.clientId, clientSecret: settings.clientSecret });
      case "oidc":
        return oidcProvider(settings);
    }
  });
}

/** Whether the provider says the profile's e-mail is verified (`email_verified`, as OIDC names it). */
export function isEmailVerified(profile: unknown): boolean {
  const value = (profile as { email_verified?: unknown } | null | undefined)?.email_verified;
  return value === true || value === "true";
}

/** The display name of an enabled provider, for messages. */
export function providerDisplayName(id: string, env: Env = webAppEnv()): string {
  return PROVIDERS.find((p) => p.id === id)?.name(env) ?? id;
}
