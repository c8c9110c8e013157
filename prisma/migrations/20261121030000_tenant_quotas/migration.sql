-- AlterTable
ALTER TABLE "task_instances" ADD COLUMN     "request_cpu_millis" INTEGER,
ADD COLUMN     "request_gpus" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "request_memory_bytes" BIGINT;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "max_concurrent_tasks" INTEGER NOT NULL DEFAULT 128,
ADD COLUMN     "provision_error" TEXT,
ADD COLUMN     "provisioned_at" TIMESTAMPTZ(3),
ADD COLUMN     "quota_cpu" TEXT NOT NULL DEFAULT '32',
ADD COLUMN     "quota_gpus" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "quota_memory" TEXT NOT NULL DEFAULT '128Gi',
ADD COLUMN     "quota_pods" INTEGER NOT NULL DEFAULT 200;
