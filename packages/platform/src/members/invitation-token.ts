import { createHash, randomBytes } from "node:crypto";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: the secret part of the invitation link. */
export function generateInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of the token: its SHA-256 as hex. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token.trim(), "utf8").digest("hex");
}

/** "2030-03-01 14:05 UTC". */
export function formatInvitationDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
