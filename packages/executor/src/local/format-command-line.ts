const SAFE_WORD = /^[A-Za-z0-9_\-+=.,/:@%]+$/;

/** Quotes one argument the way a POSIX shell would need it. */
export function shellQuote(arg: string): string {
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** An argv as a line a user could paste into a shell: `sh -c 'echo hi'`. */
export function formatCommandLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
