import type { Db } from "@updraft/db";
import type { SecretKeyring } from "@updraft/platform";
import { mailerFromEnv, type Mailer } from "../mail/mailer";

/** The signed-in user as the API sees them. */
export interface SessionUser {
  id: string;
  email: string;
  isPlatformAdmin: boolean;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Client IP address (best effort, from the proxy headers). */
  ip: string;
  /** Encrypts and decrypts connection passwords and secrets (UPDRAFT_SECRET_KEY). */
  keyring: SecretKeyring;
  /** Sends invitation e-mails when SMTP is configured (SMTP_URL + SMTP_FROM). */
  mailer: Mailer;
  /** Base URL of the web app for links in e-mails (NEXTAUTH_URL). */
  appUrl: string;
}

export interface ContextInput {
  db: Db;
  user: SessionUser | null;
  ip: string;
  keyring: SecretKeyring;
  /** Defaults to SMTP from the environment (or none). */
  mailer?: Mailer;
  /** Defaults to NEXTAUTH_URL, else http://localhost:3000. */
  appUrl?: string;
}

/** Builds the tRPC context; the web handler and tests both use this. */
export function createContextInner(input: ContextInput): Context {
  return {
    db: input.db,
    user: input.user,
    ip: input.ip,
    keyring: input.keyring,
    mailer: input.mailer ?? mailerFromEnv(process.env),
    appUrl: (input.appUrl ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
  };
}
