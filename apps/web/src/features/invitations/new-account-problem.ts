import { MIN_NEW_ACCOUNT_PASSWORD } from "@updraft/domain/account-rules";

/**
 * What is wrong with the create-account form, in words, or null. The server checks
 * again with the same bounds (@updraft/domain/account-rules) and decides (README, design decision D12).
 */
export function newAccountProblem(input: { name: string; password: string; repeat: string }): string | null {
  if (input.name.trim() === "") return "Enter your name.";
  if (input.password.length < MIN_NEW_ACCOUNT_PASSWORD) {
    return `Choose a password of at least ${MIN_NEW_ACCOUNT_PASSWORD} characters (yours has ${input.password.length}).`;
  }
  if (input.password !== input.repeat) return "The two passwords differ; type the same password twice.";
  return null;
}
