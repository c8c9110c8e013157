import { authedProcedure, router } from "../trpc/trpc";
import { listMyTenants } from "./list-my-tenants";

export const tenantsRouter = router({
  /** Tenants the signed-in user belongs to, with their role in each. */
  mine: authedProcedure.query(({ ctx }) => listMyTenants(ctx.db, ctx.user.id)),
});
