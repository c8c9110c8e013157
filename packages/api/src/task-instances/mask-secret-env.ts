/** Env names that look like they hold a secret (API_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY, …). */
const SECRET_NAME = /(secret|password|token|key|credential)/i;

export const MASKED_VALUE = "***";

/**
 * Masks the values of env vars whose NAME looks secret, before a rendered env
 * leaves the server. This is a name heuristic only: tenant secrets and
 * connections (a later issue) will be masked by value as well, wherever they
 * appear.
 */
export function maskSecretEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, SECRET_NAME.test(name) ? MASKED_VALUE : value]));
}
