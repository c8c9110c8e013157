/** Env names that look like they hold a secret (API_TOKEN, DB_PASSWORD, AWS_SECRET_ACCESS_KEY, …). */
const SECRET_NAME = /(secret|password|token|key|credential)/i;

export const MASKED_VALUE = "***";

/**
 * Masks the values of env vars whose NAME looks secret, before a rendered env
 * leaves the server. This is a name heuristic for values written in the DAG
 * file itself: tenant secrets and connections never reach the rendered env
 * (they are injected at launch, README design decision D7), and task logs
 * mask them by value (D8).
 */
export function maskSecretEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, SECRET_NAME.test(name) ? MASKED_VALUE : value]));
}
