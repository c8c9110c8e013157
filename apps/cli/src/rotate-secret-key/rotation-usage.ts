export const ROTATION_USAGE = `Usage: updraft rotate-secret-key

Re-encrypts every stored secret and connection password/extra under the key in
UPDRAFT_SECRET_KEY, decrypting them with the keys in UPDRAFT_PREVIOUS_SECRET_KEYS.
Safe to run again: values already under the new key are left alone.

Environment:
  UPDRAFT_SECRET_KEY            the new key (make one with \`openssl rand -base64 32\`)
  UPDRAFT_PREVIOUS_SECRET_KEYS  the old key(s), comma-separated
  DATABASE_URL                  the Updraft Postgres (default: the embedded one in
                                UPDRAFT_DATA_DIR, default <repo>/.updraft, whose
                                secret-key file is the old key and gets the new one;
                                stop \`updraft start\` first)

Exit codes: 0 done, 1 a value could not be re-encrypted (or the database failed), 2 bad usage or settings.
`;
