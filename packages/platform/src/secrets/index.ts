// Secret keys and encryption at rest (README, design decisions D5-D6).
export { parseSecretKey, secretKeyId, generateSecretKey, SecretKeyError, SECRET_KEY_BYTES } from "./secret-key";
export { createSecretKeyring, SecretDecryptionError, type SecretKeyring } from "./secret-keyring";
export { readSecretKeyring } from "./read-secret-keyring";
export { secretAad, type SecretKind } from "./secret-aad";
export { TEST_SECRET_KEY, testSecretKeyring } from "./test-secret-key";
export { rotateSecretKey, SecretRotationError, type RotationProgress, type RotationResult } from "./rotate-secret-key";
