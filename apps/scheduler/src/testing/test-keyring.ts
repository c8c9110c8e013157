import { readSecretKeyring, TEST_SECRET_KEY, type SecretKeyring } from "@updraft/platform";

/** The keyring every test scheduler runs with (the engine's fixed test key). */
export const TEST_KEYRING: SecretKeyring = readSecretKeyring({ UPDRAFT_SECRET_KEY: TEST_SECRET_KEY });
