import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  createInvitation,
  inspectInvitation,
  listPendingInvitations,
  revokeInvitation,
} from "@updraft/platform";
import { fieldOf, resultField, textOf } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { roleSchema } from "../members/member-inputs";
import { authedProcedure, publicProcedure, router } from "../trpc/trpc";
import { sendInvitation } from "./send-invitation";

const tokenSchema = z.string().trim().min(1, "The invitation link has no token; open the whole link from the e-mail").max(200);

/** Audit meta shared by the two ways of accepting: the event goes to the invitation's tenant. */
const acceptAudit = {
  action: "invitation.accept",
  targetType: "member",
  target: resultField("email"),
  tenantId: (_input: unknown, result: unknown) => textOf(fieldOf(result, "tenantId")) ?? null,
  actor: (_input: unknown, result: unknown) => {
    const userId = textOf(fieldOf(result, "userId"));
    const email = textOf(fieldOf(result, "email"));
    return userId && email ? { userId, label: email } : null;
  },
  details: (_input: unknown, result: unknown) => ({ role: fieldOf(result, "role") }),
};

export const invitationsRouter = router({
  /**
   * Invites an e-mail with a role for 7 days. Returns the link once (to copy)
   * and whether it was e-mailed (SMTP_URL + SMTP_FROM). Re-inviting replaces
   * the pending invitation.
   */
  create: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "invitation.create",
        targetType: "invitation",
        target: (_input, result) => textOf(fieldOf(fieldOf(result, "invitation"), "email")),
        details: (_input, result) => ({ role: fieldOf(fieldOf(result, "invitation"), "role"), emailSent: fieldOf(result, "emailSent") }),
      },
    })
    .input(z.object({ email: z.string().max(320), role: roleSchema }))
    .mutation(async ({ ctx, input }) => {
      const { invitation, token } = await createInvitation(ctx.db, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        email: input.email,
        role: input.role,
      });
      const link = `${ctx.appUrl}/invite/${token}`;
      const delivery = await sendInvitation(ctx.mailer, {
        to: invitation.email,
        tenantName: ctx.tenant.name,
        role: invitation.role,
        invitedBy: ctx.user.email,
        link,
        expiresAt: invitation.expiresAt,
      });
      return { invitation, link, ...delivery };
    }),

  /** Invitations not yet accepted or revoked (expired ones marked "expired"). */
  list: tenantProcedure("ADMIN").query(({ ctx }) => listPendingInvitations(ctx.db, ctx.tenant.id)),

  /** Withdraws an invitation; its link stops working. */
  revoke: tenantProcedure("ADMIN")
    .meta({ audit: { action: "invitation.revoke", targetType: "invitation", target: resultField("email") } })
    .input(z.object({ id: z.guid("Invitation ids are UUIDs") }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeInvitation(ctx.db, { tenantId: ctx.tenant.id, invitationId: input.id });
      if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "No such invitation in this tenant." });
      return revoked;
    }),

  /** What the invite page shows for a link: tenant, role, e-mail and whether it can still be accepted. */
  inspect: publicProcedure.input(z.object({ token: tokenSchema })).query(({ ctx, input }) => inspectInvitation(ctx.db, input.token)),

  /** The signed-in user accepts an invitation sent to their e-mail. */
  accept: authedProcedure
    .meta({ audit: acceptAudit })
    .input(z.object({ token: tokenSchema }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, { token: input.token, user: ctx.user })),

  /** Someone without an account creates one (name, password ≥ 12 characters) and joins. Then they sign in. */
  acceptWithNewAccount: publicProcedure
    .meta({ audit: acceptAudit })
    .input(z.object({ token: tokenSchema, name: z.string().max(200), password: z.string().max(1024) }))
    .mutation(({ ctx, input }) => acceptInvitationWithNewAccount(ctx.db, input)),
});
