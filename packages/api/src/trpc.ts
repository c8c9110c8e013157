import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { UserError } from "@updraft/engine";
import type { Context } from "./context";
import { describeInputIssues, readIssues } from "./errors/describe-input-issues";

const t = initTRPC.context<Context>().create({
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

/** Turns engine `UserError`s (messages written for users) into BAD_REQUEST. */
const userErrorsAsBadRequest = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof UserError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(userErrorsAsBadRequest);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
