/** Same minimum as the server's MIN_NEW_ACCOUNT_PASSWORD, which decides (README, design decision D12). */
export const MIN_PASSWORD_LENGTH = 12;

/** What is wrong with the create-account form, in words, or null (the server checks again). */
export function newAccountProblem(input: { name: string; password: string; repeat: string }): string | null {
  if (input.name.trim() === "") return "Enter your name.";
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (yours has ${input.password.length}).`;
  }
  if (input.password !== input.repeat) return "The two passwords differ; type the same password twice.";
  return null;
}
