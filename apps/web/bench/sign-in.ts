import { mergeSetCookies } from "./cookie-jar";

/**
 * Signs in through next-auth's credentials provider the way the sign-in form
 * does (csrf token, then the credentials callback) and returns the Cookie
 * header that carries the session; checks /api/auth/session names the user.
 */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  let cookies = mergeSetCookies("", csrf.headers.getSetCookie());

  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({
      csrfToken,
      email: credentials.email,
      password: credentials.password,
      callbackUrl: baseUrl,
      json: "true",
    }),
  });
  cookies = mergeSetCookies(cookies, callback.headers.getSetCookie());
  if (!/next-auth\.session-token=/.test(cookies)) {
    throw new Error(`sign-in failed (${callback.status}): ${(await callback.text()).slice(0, 300)}`);
  }

  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookies } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email !== credentials.email) throw new Error(`signed in, but /api/auth/session says ${JSON.stringify(body)}`);
  return cookies;
}
