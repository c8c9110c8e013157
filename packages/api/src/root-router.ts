import { dagsRouter } from "./dags/dags-router";
import { logsRouter } from "./logs/logs-router";
import { runsRouter } from "./runs/runs-router";
import { tenantsRouter } from "./tenants/tenants-router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  tenants: tenantsRouter,
  dags: dagsRouter,
  runs: runsRouter,
  logs: logsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
