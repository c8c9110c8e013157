import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { changeMemberRole, listMembers, removeMember } from "@updraft/platform";
import { fieldOf, resultField } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";
import { roleSchema, userIdSchema } from "./member-inputs";

const NO_SUCH_MEMBER = "No such member in this tenant (they may have been removed already).";

export const membersRouter = router({
  /** The tenant's members with their roles, strongest first. */
  list: tenantProcedure("VIEWER").query(({ ctx }) => listMembers(ctx.db, ctx.tenant.id)),

  /** Gives a member another role. Only owners grant or remove OWNER; the last owner keeps it. */
  changeRole: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "member.change_role",
        targetType: "member",
        target: resultField("email"),
        details: (_input, result) => ({
          from: fieldOf(result, "previousRole"),
          to: fieldOf(result, "role"),
          tokensRevoked: fieldOf(result, "tokensRevoked"),
        }),
      },
    })
    .input(z.object({ userId: userIdSchema, role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const change = await changeMemberRole(ctx.db, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        userId: input.userId,
        role: input.role,
      });
      if (!change) throw new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_MEMBER });
      return change;
    }),

  /** Removes a member (their account stays; their API tokens of this tenant are revoked). */
  remove: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "member.remove",
        targetType: "member",
        target: resultField("email"),
        details: (_input, result) => ({ role: fieldOf(result, "role"), tokensRevoked: fieldOf(result, "tokensRevoked") }),
      },
    })
    .input(z.object({ userId: userIdSchema }))
    .mutation(async ({ ctx, input }) => {
      const removed = await removeMember(ctx.db, { tenantId: ctx.tenant.id, actorUserId: ctx.user.id, userId: input.userId });
      if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: NO_SUCH_MEMBER });
      return removed;
    }),
});
