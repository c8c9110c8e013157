import { dagsRouter } from "./dags/dags-router";
import { logsRouter } from "./logs/logs-router";
import { platformRouter } from "./platform/platform-router";
import { poolsRouter } from "./pools/pools-router";
import { runsRouter } from "./runs/runs-router";
import { taskInstancesRouter } from "./task-instances/task-instances-router";
import { tenantsRouter } from "./tenants/tenants-router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  tenants: tenantsRouter,
  dags: dagsRouter,
  runs: runsRouter,
  logs: logsRouter,
  taskInstances: taskInstancesRouter,
  pools: poolsRouter,
  platform: platformRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
