import { describe, expect, it } from "vitest";
import {
  enabledSignInProviders,
  isEmailVerified,
  oauthProviders,
  oauthProviderSettings,
  pickGitHubEmail,
  SignInProviderConfigError,
} from "./auth-providers";

const GITHUB = { GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret" };
const GOOGLE = { GOOGLE_CLIENT_ID: "g-id", GOOGLE_CLIENT_SECRET: "g-secret" };
const OIDC = { OIDC_ISSUER: "https://login.example.com/realms/acme/", OIDC_CLIENT_ID: "o-id", OIDC_CLIENT_SECRET: "o-secret" };

describe("sign-in providers from the environment", () => {
  it("offers no OAuth provider when none is configured (e-mail and password only)", () => {
    expect(enabledSignInProviders({})).toEqual([]);
    expect(oauthProviders({})).toEqual([]);
  });

  it("enables each provider only when all its variables are set", () => {
    expect(enabledSignInProviders({ ...GITHUB })).toEqual([{ id: "github", name: "GitHub" }]);
    expect(enabledSignInProviders({ ...GOOGLE })).toEqual([{ id: "google", name: "Google" }]);
    expect(enabledSignInProviders({ ...OIDC })).toEqual([{ id: "oidc", name: "Single sign-on" }]);
    expect(enabledSignInProviders({ ...GITHUB, ...GOOGLE, ...OIDC, OIDC_NAME: "Acme SSO" })).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
      { id: "oidc", name: "Acme SSO" },
    ]);
  });

  it("hands next-auth the client ids and secrets, and the OIDC issuer's discovery document", () => {
    expect(oauthProviderSettings({ ...GITHUB, ...OIDC })).toEqual([
      { id: "github", name: "GitHub", clientId: "gh-id", clientSecret: "gh-secret" },
      { id: "oidc", name: "Single sign-on", clientId: "o-id", clientSecret: "o-secret", issuer: "https://login.example.com/realms/acme" },
    ]);
    const [github, oidc] = oauthProviders({ ...GITHUB, ...OIDC }) as unknown as Array<Record<string, unknown>>;
    expect(github).toMatchObject({ id: "github", type: "oauth", options: { clientId: "gh-id", clientSecret: "gh-secret" } });
    expect(oidc).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://login.example.com/realms/acme/.well-known/openid-configuration",
      clientId: "o-id",
      idToken: true,
    });
  });

  it("treats empty variables as unset", () => {
    expect(enabledSignInProviders({ GITHUB_ID: "", GITHUB_SECRET: "  " })).toEqual([]);
  });

  it("refuses to start half-configured, naming what to set", () => {
    expect(() => oauthProviderSettings({ GITHUB_ID: "gh-id" })).toThrow(SignInProviderConfigError);
    expect(() => oauthProviderSettings({ GITHUB_ID: "gh-id" })).toThrow(
      "GitHub sign-in is half-configured: GITHUB_ID is set but GITHUB_SECRET is not. Set GITHUB_ID and GITHUB_SECRET to enable GitHub sign-in, or unset GITHUB_ID.",
    );
    expect(() => enabledSignInProviders({ ...GITHUB, OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "x" })).toThrow(
      "Single sign-on sign-in is half-configured: OIDC_ISSUER and OIDC_CLIENT_ID are set but OIDC_CLIENT_SECRET is not. " +
        "Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to enable Single sign-on sign-in, or unset OIDC_ISSUER and OIDC_CLIENT_ID.",
    );
  });

  it("reports every half-configured provider at once", () => {
    let message = "";
    try {
      oauthProviderSettings({ GOOGLE_CLIENT_SECRET: "s", OIDC_CLIENT_SECRET: "s" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      expect.stringMatching(/^Google sign-in is half-configured: GOOGLE_CLIENT_SECRET is set but GOOGLE_CLIENT_ID is not\./),
      expect.stringMatching(/^Single sign-on sign-in is half-configured: OIDC_CLIENT_SECRET is set but OIDC_ISSUER and OIDC_CLIENT_ID are not\./),
    ]);
  });

  it("refuses an OIDC issuer that is not an https URL", () => {
    expect(() => oauthProviderSettings({ ...OIDC, OIDC_ISSUER: "login.example.com" })).toThrow(
      'OIDC_ISSUER must be the issuer\'s URL, e.g. https://login.example.com/realms/acme (got "login.example.com")',
    );
    expect(() => oauthProviderSettings({ ...OIDC, OIDC_ISSUER: "http://idp.example.com" })).toThrow('OIDC_ISSUER must use https:// (got "http://idp.example.com")');
    expect(oauthProviderSettings({ ...OIDC, OIDC_ISSUER: "http://localhost:8080/realms/dev" })[0]?.issuer).toBe("http://localhost:8080/realms/dev");
  });
});

describe("verified e-mails", () => {
  it("uses GitHub's public e-mail when GitHub verified it, else the primary address", () => {
    const emails = [
      { email: "ada@work.example", primary: true, verified: true },
      { email: "ada@home.example", primary: false, verified: true },
      { email: "ada@old.example", primary: false, verified: false },
    ];
    expect(pickGitHubEmail("ada@home.example", emails)).toEqual({ email: "ada@home.example", verified: true });
    expect(pickGitHubEmail("ada@old.example", emails)).toEqual({ email: "ada@work.example", verified: true });
    expect(pickGitHubEmail(null, emails)).toEqual({ email: "ada@work.example", verified: true });
    expect(pickGitHubEmail(null, [{ email: "new@example.com", primary: true, verified: false }])).toEqual({ email: "new@example.com", verified: false });
    expect(pickGitHubEmail("public@example.com", [])).toEqual({ email: "public@example.com", verified: false });
  });

  it("reads the email_verified claim (boolean or the string some providers send)", () => {
    expect(isEmailVerified({ email_verified: true })).toBe(true);
    expect(isEmailVerified({ email_verified: "true" })).toBe(true);
    expect(isEmailVerified({ email_verified: false })).toBe(false);
    expect(isEmailVerified({})).toBe(false);
    expect(isEmailVerified(undefined)).toBe(false);
  });
});
