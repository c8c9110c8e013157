import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createApiToken, listApiTokens, MAX_API_TOKEN_DAYS, revokeApiToken } from "@updraft/platform";
import { fieldOf, resultField, textOf } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { roleSchema } from "../members/member-inputs";
import { router } from "../trpc/trpc";

export const tokensRouter = router({
  /** The tenant's API tokens: name, role, prefix, creator, expiry, last use, revoked. Never the token. */
  list: tenantProcedure("ADMIN").query(({ ctx }) => listApiTokens(ctx.db, ctx.tenant.id)),

  /**
   * A new token with a role (at most yours) expiring in 1–365 days. The
   * answer's `token` is shown once: it is stored only as a hash.
   */
  create: tenantProcedure("ADMIN")
    .meta({
      audit: {
        action: "token.create",
        targetType: "token",
        target: (_input, result) => textOf(fieldOf(fieldOf(result, "apiToken"), "name")),
        // Never the token itself.
        details: (_input, result) => {
          const view = fieldOf(result, "apiToken");
          return { role: fieldOf(view, "role"), prefix: fieldOf(view, "prefix"), expiresAt: fieldOf(view, "expiresAt") };
        },
      },
    })
    .input(
      z.object({
        name: z.string().max(100, "Token names are at most 100 characters"),
        role: roleSchema,
        expiresInDays: z
          .number("Pick how many days the token lasts (1 to 365)")
          .int("Token lifetimes are whole days")
          .min(1, "A token lasts at least 1 day")
          .max(MAX_API_TOKEN_DAYS, `A token lasts at most ${MAX_API_TOKEN_DAYS} days`),
      }),
    )
    .mutation(({ ctx, input }) =>
      createApiToken(ctx.db, {
        tenantId: ctx.tenant.id,
        creatorUserId: ctx.user.id,
        name: input.name,
        role: input.role,
        expiresInDays: input.expiresInDays,
      }),
    ),

  /** Revokes a token: requests with it get 401 from now on. */
  revoke: tenantProcedure("ADMIN")
    .meta({ audit: { action: "token.revoke", targetType: "token", target: resultField("name"), details: (_i, r) => ({ prefix: fieldOf(r, "prefix") }) } })
    .input(z.object({ id: z.guid("Token ids are UUIDs") }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await revokeApiToken(ctx.db, { tenantId: ctx.tenant.id, tokenId: input.id });
      if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "No such API token in this tenant." });
      return revoked;
    }),
});
