/** Shortest password of a new account (the server decides; the web form checks the same bound first). */
export const MIN_NEW_ACCOUNT_PASSWORD = 12;

/** Longest password of a new account. */
export const MAX_NEW_ACCOUNT_PASSWORD = 1024;

/** Longest display name of a new account, after trimming. */
export const MAX_ACCOUNT_NAME_LENGTH = 200;
