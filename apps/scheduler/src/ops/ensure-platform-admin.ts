import { createDb, createUser, normalizeEmail, Prisma, seedDemo } from "@updraft/db";

export interface AdminSettings {
  email: string;
  password: string;
  /** Also create the demo tenant "acme" with the admin as its owner. */
  seedDemo: boolean;
}

export type EnsureAdminResult =
  | { kind: "created"; email: string; demoTenant: boolean }
  | { kind: "exists"; email: string; demoTenant: boolean };

/**
 * Makes sure the platform admin exists: creates them (argon2id password,
 * platform admin, no tenant) unless a user with that e-mail is there already,
 * who is left untouched (their password is never reset). Safe to run on every
 * deploy and from two processes at once.
 */
export async function ensurePlatformAdmin(databaseUrl: string, settings: AdminSettings): Promise<EnsureAdminResult> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    if (settings.seedDemo) {
      const seeded = await seedDemo(db, { adminEmail: settings.email, adminPassword: settings.password });
      return { kind: seeded.createdAdmin ? "created" : "exists", email: seeded.admin.email, demoTenant: true };
    }
    const email = normalizeEmail(settings.email);
    if (await db.user.findUnique({ where: { email } })) return { kind: "exists", email, demoTenant: false };
    try {
      const admin = await createUser(db, { email, password: settings.password, name: "Admin", isPlatformAdmin: true });
      return { kind: "created", email: admin.email, demoTenant: false };
    } catch (error) {
      // Another process created the same admin at the same moment.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { kind: "exists", email, demoTenant: false };
      throw error;
    }
  } finally {
    await db.$disconnect();
  }
}
