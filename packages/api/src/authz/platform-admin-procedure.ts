import { TRPCError } from "@trpc/server";
import { signedInBaseProcedure } from "../trpc/trpc";

export const PLATFORM_ADMIN_ONLY_MESSAGE = "Only platform admins can manage tenants and quotas.";

/**
 * For the platform's own administration (tenants, their quotas): the caller
 * must be signed in and a platform admin (`meta.platformAdmin`). Tenant roles
 * do not count here.
 */
export const platformAdminProcedure = signedInBaseProcedure.meta({ platformAdmin: true }).use(({ ctx, next }) => {
  if (!ctx.user.isPlatformAdmin) throw new TRPCError({ code: "FORBIDDEN", message: PLATFORM_ADMIN_ONLY_MESSAGE });
  return next();
});
