import { normalizeEmail, Prisma, type Db, type Tx } from "@updraft/db";
import { z } from "zod";

export interface LinkOAuthAccountInput {
  /** next-auth provider id: "github", "google", "oidc". */
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  /** Whether the provider vouches that the e-mail belongs to this account. */
  emailVerified: boolean;
  name?: string | null;
  /** Shown in messages ("GitHub"); defaults to the provider id. */
  providerName?: string;
}

export interface LinkedUser {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
}

export type LinkOAuthAccountResult =
  | { ok: true; user: LinkedUser; createdUser: boolean; linkedAccount: boolean }
  | { ok: false; reason: "no_account_id" | "no_email" | "unverified_email"; message: string };

const emailSchema = z.email();
const USER_SELECT = { id: true, email: true, name: true, isPlatformAdmin: true } as const;
const UNIQUE_VIOLATION = "P2002";

/**
 * Signs in an OAuth/OIDC identity: an identity seen before signs in its
 * user; otherwise it is linked to the user with the same (verified) e-mail,
 * or a new user without memberships is created. Unverified or missing
 * e-mails are refused, so nobody can take over an account by claiming its
 * e-mail at a provider that does not check it.
 */
export async function linkOAuthAccount(db: Db, input: LinkOAuthAccountInput, now: Date = new Date()): Promise<LinkOAuthAccountResult> {
  const providerName = input.providerName ?? input.provider;
  if (!input.provider || !input.providerAccountId) {
    return { ok: false, reason: "no_account_id", message: `${providerName} did not say which account signed in; try again.` };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => link(tx, input, providerName, now));
    } catch (error) {
      // Two first sign-ins of the same person at once: the second finds what the first created.
      if (attempt < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === UNIQUE_VIOLATION) continue;
      throw error;
    }
  }
}

async function link(tx: Tx, input: LinkOAuthAccountInput, providerName: string, now: Date): Promise<LinkOAuthAccountResult> {
  const known = await tx.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { id: true, user: { select: USER_SELECT } },
  });
  if (known) {
    await tx.account.update({ where: { id: known.id }, data: { lastSignInAt: now } });
    return { ok: true, user: known.user, createdUser: false, linkedAccount: false };
  }

  const email = normalizeEmail(input.email ?? "");
  if (!email || !emailSchema.safeParse(email).success) {
    return {
      ok: false,
      reason: "no_email",
      message: `${providerName} did not share an e-mail address for your account; add one there (and verify it), then sign in again.`,
    };
  }
  if (!input.emailVerified) {
    return {
      ok: false,
      reason: "unverified_email",
      message: `Your e-mail address ${email} is not verified at ${providerName}; verify it there, then sign in again.`,
    };
  }

  const existing = await tx.user.findUnique({ where: { email }, select: USER_SELECT });
  const name = input.name?.trim().slice(0, 200) || null;
  const user = existing ?? (await tx.user.create({ data: { email, name }, select: USER_SELECT }));
  await tx.account.create({
    data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId, lastSignInAt: now },
  });
  return { ok: true, user, createdUser: !existing, linkedAccount: true };
}
