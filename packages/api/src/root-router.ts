import { auditRouter } from "./audit/audit-router";
import { costsRouter } from "./costs/costs-router";
import { connectionsRouter } from "./connections/connections-router";
import { dagsRouter } from "./dags/dags-router";
import { invitationsRouter } from "./invitations/invitations-router";
import { logsRouter } from "./logs/logs-router";
import { membersRouter } from "./members/members-router";
import { platformRouter } from "./platform/platform-router";
import { poolsRouter } from "./pools/pools-router";
import { runsRouter } from "./runs/runs-router";
import { secretsRouter } from "./secrets/secrets-router";
import { taskInstancesRouter } from "./task-instances/task-instances-router";
import { tenantsRouter } from "./tenants/tenants-router";
import { tokensRouter } from "./tokens/tokens-router";
import { createCallerFactory, router } from "./trpc/trpc";

export const appRouter = router({
  tenants: tenantsRouter,
  dags: dagsRouter,
  runs: runsRouter,
  logs: logsRouter,
  taskInstances: taskInstancesRouter,
  pools: poolsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  connections: connectionsRouter,
  secrets: secretsRouter,
  costs: costsRouter,
  platform: platformRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
