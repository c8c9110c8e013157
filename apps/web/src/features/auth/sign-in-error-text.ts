/** next-auth's generic error codes, in words; anything else is already our server's message. */
const CODES: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password.",
  SessionRequired: "Sign in to continue.",
  Configuration: "Sign-in is misconfigured on the server (is NEXTAUTH_SECRET set?).",
  Callback: "Sign-in failed on the server; try again.",
  Default: "Sign-in failed; try again.",
};

export function signInErrorText(error: string): string {
  return CODES[error] ?? error;
}
