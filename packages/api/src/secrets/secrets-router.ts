import { z } from "zod";
import { deleteSecret, listSecrets, setSecret } from "@updraft/platform";
import { inputField } from "../trpc/procedure-meta";
import { tenantProcedure } from "../authz/tenant-procedure";
import { router } from "../trpc/trpc";

// Shapes only: the engine's services validate the values and explain what is wrong.
const nameInput = z.string().max(1000);
const target = inputField("name");

export const secretsRouter = router({
  /** Secret names and when they were last set; values are never returned. */
  list: tenantProcedure("VIEWER").query(({ ctx }) => listSecrets(ctx.db, { tenantId: ctx.tenant.id })),

  /** Creates a secret or replaces its value. */
  set: tenantProcedure("ADMIN")
    .meta({ audit: { action: "secret.set", targetType: "secret", target } })
    .input(z.object({ name: nameInput, value: z.string(), description: z.string().nullish() }))
    .mutation(({ ctx, input }) =>
      setSecret(ctx.db, ctx.keyring, { tenantId: ctx.tenant.id, name: input.name, value: input.value, description: input.description }),
    ),

  /** Deletes a secret. */
  delete: tenantProcedure("ADMIN")
    .meta({ audit: { action: "secret.delete", targetType: "secret", target } })
    .input(z.object({ name: nameInput }))
    .mutation(async ({ ctx, input }) => {
      await deleteSecret(ctx.db, { tenantId: ctx.tenant.id, name: input.name });
      return { name: input.name };
    }),
});
