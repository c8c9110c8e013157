-- AlterEnum
ALTER TYPE "DagRunType" ADD VALUE 'BACKFILL';

-- AlterTable
ALTER TABLE "task_instances" ADD COLUMN     "next_try_at" TIMESTAMPTZ(3),
ADD COLUMN     "pool" TEXT NOT NULL DEFAULT 'default_pool',
ADD COLUMN     "priority_weight" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "scheduler_id" UUID;

-- CreateTable
CREATE TABLE "task_tries" (
    "id" UUID NOT NULL,
    "task_instance_id" UUID NOT NULL,
    "try_number" INTEGER NOT NULL,
    "state" "TaskState" NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "exit_code" INTEGER,
    "message" TEXT,
    "executor_key" TEXT,
    "scheduler_id" UUID,
    "hostname" TEXT,
    "rendered_command" JSONB,
    "rendered_env" JSONB,

    CONSTRAINT "task_tries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pools" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slots" INTEGER NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheduler_instances" (
    "id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "executor" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stopped_at" TIMESTAMPTZ(3),

    CONSTRAINT "scheduler_instances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "task_instances_tenant_id_pool_state_idx" ON "task_instances"("tenant_id", "pool", "state");

-- CreateIndex
CREATE INDEX "task_instances_state_updated_at_idx" ON "task_instances"("state", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "task_tries_task_instance_id_try_number_key" ON "task_tries"("task_instance_id", "try_number");

-- CreateIndex
CREATE UNIQUE INDEX "pools_tenant_id_name_key" ON "pools"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "scheduler_instances_heartbeat_at_idx" ON "scheduler_instances"("heartbeat_at");

-- AddForeignKey
ALTER TABLE "task_tries" ADD CONSTRAINT "task_tries_task_instance_id_fkey" FOREIGN KEY ("task_instance_id") REFERENCES "task_instances"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pools" ADD CONSTRAINT "pools_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
