import { addMembership, createTenant, createUser, type Db, type Role } from "@updraft/db";
import { testSecretKeyring } from "@updraft/platform";
import { createContextInner, type SessionUser } from "../trpc/context";
import { NO_MAILER, type Mailer } from "../mail/mailer";
import { appRouter } from "../root-router";

export type Caller = ReturnType<typeof appRouter.createCaller>;

/** Calls the API as `user` (null = signed out), the way the web handler does. */
export function callerFor(db: Db, user: SessionUser | null, ip = "127.0.0.1", mailer: Mailer = NO_MAILER): Caller {
  return appRouter.createCaller(
    createContextInner({ db, user, ip, keyring: testKeyring(), mailer, appUrl: "http://updraft.test" }),
  );
}

/** The keyring tests encrypt with (TEST_SECRET_KEY). */
export function testKeyring() {
  return testSecretKeyring();
}

let counter = 0;

/** A fresh user with `role` in the tenant `slug` (created when missing), and a caller for them. */
export async function memberWithRole(db: Db, slug: string, role: Role) {
  counter += 1;
  const tenant =
    (await db.tenant.findUnique({ where: { slug } })) ?? (await createTenant(db, { slug, name: `Tenant ${slug}` }));
  const user = await createUser(db, { email: `${role.toLowerCase()}-${counter}@${slug}.example`, password: "pw-123456" });
  await addMembership(db, { userId: user.id, tenantId: tenant.id, role });
  const sessionUser: SessionUser = { id: user.id, email: user.email, isPlatformAdmin: false };
  return { tenant, user: sessionUser, caller: callerFor(db, sessionUser) };
}

/** A fresh platform admin (member of no tenant), and a caller for them. */
export async function platformAdmin(db: Db) {
  counter += 1;
  const user = await createUser(db, { email: `platform-admin-${counter}@updraft.example`, password: "pw-123456", isPlatformAdmin: true });
  const sessionUser: SessionUser = { id: user.id, email: user.email, isPlatformAdmin: true };
  return { user: sessionUser, caller: callerFor(db, sessionUser) };
}
