import { createSecretKeyring, type SecretKeyring } from "./secret-keyring";

/** A fixed key for tests only (never use it for real data). */
export const TEST_SECRET_KEY = "dXBkcmFmdC10ZXN0LWtleS1ub3QtZm9yLXByb2R1Y3Q=";

/** A keyring on TEST_SECRET_KEY. */
export function testSecretKeyring(): SecretKeyring {
  return createSecretKeyring(TEST_SECRET_KEY);
}
