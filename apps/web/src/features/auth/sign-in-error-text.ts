/** next-auth's generic error codes, in words; anything else is already our server's message. */
const CODES: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Sign-in is misconfigured on the server (is NEXTAUTH_SECRET set?).",
  Callback: "Sign-in failed on the server; try again.",
  OAuthSignin: "Could not start signing in with that provider; try again or use your e-mail and password.",
  OAuthCallback: "The sign-in provider's answer could not be checked; try again.",
  OAuthCreateAccount: "Could not create your account from the provider's profile; try again.",
  OAuthAccountNotLinked:
    "That e-mail already belongs to an account that signs in another way. Sign in the way you did before.",
  AccessDenied: "Sign-in was refused. If you signed in with a provider, its e-mail address must be verified.",
  Verification: "The sign-in link is no longer valid; start again.",
  Default: "Sign-in failed; try again.",
};

export function signInErrorText(error: string): string {
  return CODES[error] ?? error;
}
