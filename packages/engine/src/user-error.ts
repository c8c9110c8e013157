/** An error whose message is written for the user and safe to show them. */
export class UserError extends Error {
  override readonly name = "UserError";
}
