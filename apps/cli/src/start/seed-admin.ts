import { createDb, seedDemo } from "@updraft/db";

export interface SeededAdmin {
  createdAdmin: boolean;
  email: string;
  /** Only when this call created the admin. */
  password: string | undefined;
}

/** Seeds the demo tenant and its admin (idempotent) on a short-lived connection. */
export async function seedAdmin(
  databaseUrl: string,
  options: { adminEmail?: string; adminPassword?: string },
): Promise<SeededAdmin> {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const result = await seedDemo(db, options);
    return { createdAdmin: result.createdAdmin, email: result.admin.email, password: result.password };
  } finally {
    await db.$disconnect();
  }
}
