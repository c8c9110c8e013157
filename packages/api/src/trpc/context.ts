import type { Db } from "@updraft/db";
import type { SecretKeyring } from "@updraft/platform";
import { NO_MAILER, type Mailer } from "../mail/mailer";

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
  /** The web app passes SMTP from its environment (mailerFromEnv); default none. */
  mailer?: Mailer;
  /** The web app passes NEXTAUTH_URL; default http://localhost:3000. */
  appUrl?: string;
}

/** Builds the tRPC context; the web handler and tests both use this. */
export function createContextInner(input: ContextInput): Context {
  return {
    db: input.db,
    user: input.user,
    ip: input.ip,
    keyring: input.keyring,
    mailer: input.mailer ?? NO_MAILER,
    appUrl: (input.appUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
  };
}
