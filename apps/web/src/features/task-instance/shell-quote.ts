/** argv as one line a POSIX shell would read back the same: `sh -c 'echo "hi there"'`. */
export function shellQuote(argv: string[]): string {
  return argv.map((arg) => (arg !== "" && /^[A-Za-z0-9_./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'"'"'`)}'`)).join(" ");
}
