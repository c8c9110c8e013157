import { z } from "zod";
import type { DbOrTx } from "../client";
import { Role, type Membership } from "../generated/prisma/client";
import { parseInput } from "../parse-input";

export const addMembershipInput = z.object({
  userId: z.uuid("must be a user id (uuid)"),
  tenantId: z.uuid("must be a tenant id (uuid)"),
  role: z.enum(Role),
});

export type AddMembershipInput = z.input<typeof addMembershipInput>;

/** Makes the user a member of the tenant with `role`; a user who is already a member gets the new role. */
export async function addMembership(db: DbOrTx, input: AddMembershipInput): Promise<Membership> {
  const data = parseInput(addMembershipInput, input, "membership");
  return db.membership.upsert({
    where: { userId_tenantId: { userId: data.userId, tenantId: data.tenantId } },
    create: { userId: data.userId, tenantId: data.tenantId, role: data.role },
    update: { role: data.role },
  });
}
