import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { UserError } from "@updraft/engine";
import { AccessDeniedError, NotFoundError } from "@updraft/platform";
import { writeMutationAudit, type AuditScope } from "./write-mutation-audit";
import type { ProcedureMeta } from "./procedure-meta";
import type { Context } from "./context";
import { describeInputIssues, readIssues } from "../errors/describe-input-issues";

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // Input validation errors carry zod issues; turn them into one readable
      // sentence instead of the JSON dump tRPC would send by default.
      const issues = error.code === "BAD_REQUEST" ? readIssues(error.cause) : null;
      if (!issues) return shape;
      return { ...shape, message: describeInputIssues(issues) };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Turns engine `UserError`s (messages written for users) into BAD_REQUEST,
 * `AccessDeniedError`s into FORBIDDEN and `NotFoundError`s into NOT_FOUND.
 */
const userErrorsAsBadRequest = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserError) {
    const cause = result.error.cause;
    const code = cause instanceof AccessDeniedError ? "FORBIDDEN" : cause instanceof NotFoundError ? "NOT_FOUND" : "BAD_REQUEST";
    throw new TRPCError({ code, message: cause.message, cause });
  }
  return result;
});

/**
 * Writes one audit event after every successful mutation, as its
 * `meta.audit` describes (a test fails for a mutation without it).
 * tenantProcedure fills `ctx.auditScope.tenantId`.
 */
const auditMutations = t.middleware(async ({ ctx, meta, type, getRawInput, next }) => {
  const auditScope: AuditScope = { tenantId: null };
  const result = await next({ ctx: { auditScope } });
  if (type === "mutation" && result.ok && meta?.audit) {
    await writeMutationAudit(ctx, meta.audit, auditScope, await getRawInput(), result.data);
  }
  return result;
});

const baseProcedure = t.procedure.use(userErrorsAsBadRequest).use(auditMutations);

/** Anyone, signed in or not (`meta.access = "public"`). */
export const publicProcedure = baseProcedure.meta({ access: "public" });

/**
 * Building block for procedures that need a signed-in user; it declares no
 * access. Routers use authedProcedure, tenantProcedure(role) or
 * platformAdminProcedure, which do.
 */
export const signedInBaseProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** Any signed-in user, whatever their tenants (`meta.access = "authenticated"`). */
export const authedProcedure = signedInBaseProcedure.meta({ access: "authenticated" });
