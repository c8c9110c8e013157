import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../client";
import { Prisma, type Tenant, type User } from "../generated/prisma/client";
import { addMembership } from "../factories/add-membership";
import { createUser } from "../factories/create-user";
import { normalizeEmail } from "../factories/normalize-email";
import { parseInput } from "../parse-input";

export const DEMO_TENANT_SLUG = "acme";
export const DEMO_TENANT_NAME = "Acme Data";
export const DEFAULT_ADMIN_EMAIL = "admin@updraft.local";
export const DEMO_TENANT_GPUS = 1;

const seedDemoInput = z.object({
  adminEmail: z.string().transform(normalizeEmail).pipe(z.email("must be an e-mail address")).optional(),
  adminPassword: z.string().min(8, "must be at least 8 characters").optional(),
});

export type SeedDemoOptions = z.input<typeof seedDemoInput>;

export interface SeedDemoResult {
  tenant: Tenant;
  admin: User;
  /** false when a user with the admin e-mail already existed (nothing about them was changed). */
  createdAdmin: boolean;
  /** The admin's password, only when this call created the admin: show it once. */
  password?: string;
}

/**
 * Makes sure the demo tenant "acme" exists and has an admin: a platform
 * admin who OWNs acme. Safe to run on every start: an existing user with the
 * admin e-mail is left untouched (and no password is returned).
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const input = parseInput(seedDemoInput, options, "seedDemo options");
  const email = input.adminEmail ?? DEFAULT_ADMIN_EMAIL;

  const tenant = await retryOnUniqueViolation(() =>
    db.tenant.upsert({
      where: { slug: DEMO_TENANT_SLUG },
      // One GPU, so the example DAG's GPU task runs on the local executor too.
      create: { slug: DEMO_TENANT_SLUG, name: DEMO_TENANT_NAME, quotaGpus: DEMO_TENANT_GPUS },
      update: {},
    }),
  );

  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return { tenant, admin: existing, createdAdmin: false };

  const password = input.adminPassword ?? generatePassword();
  try {
    const admin = await db.$transaction(async (tx) => {
      const user = await createUser(tx, { email, password, name: "Admin", isPlatformAdmin: true });
      await addMembership(tx, { userId: user.id, tenantId: tenant.id, role: "OWNER" });
      return user;
    });
    return { tenant, admin, createdAdmin: true, password };
  } catch (error) {
    // Another process seeded the same admin at the same moment: theirs wins.
    if (isUniqueViolation(error)) {
      const winner = await db.user.findUnique({ where: { email } });
      if (winner) return { tenant, admin: winner, createdAdmin: false };
    }
    throw error;
  }
}

/** 24 URL-safe characters (144 random bits). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function retryOnUniqueViolation<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isUniqueViolation(error)) return operation();
    throw error;
  }
}
