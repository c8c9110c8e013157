-- AlterTable
ALTER TABLE "task_tries" ADD COLUMN     "cost" DECIMAL(16,6),
ADD COLUMN     "cost_currency" TEXT,
ADD COLUMN     "cpu_seconds" DOUBLE PRECISION,
ADD COLUMN     "gpu_seconds" DOUBLE PRECISION,
ADD COLUMN     "memory_avg_bytes" BIGINT,
ADD COLUMN     "memory_peak_bytes" BIGINT,
ADD COLUMN     "request_cpu_millis" INTEGER,
ADD COLUMN     "request_gpus" INTEGER,
ADD COLUMN     "request_memory_bytes" BIGINT;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "budget_warn_percent" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "budget_warned_month" TEXT,
ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'USD',
ADD COLUMN     "monthly_budget" DECIMAL(14,2);

-- CreateTable
CREATE TABLE "usage_samples" (
    "id" BIGSERIAL NOT NULL,
    "task_try_id" UUID NOT NULL,
    "sampled_at" TIMESTAMPTZ(3) NOT NULL,
    "cpu_seconds_total" DOUBLE PRECISION,
    "cpu_cores" DOUBLE PRECISION,
    "memory_bytes" BIGINT NOT NULL,

    CONSTRAINT "usage_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_sheets" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "cpu_hour" DECIMAL(12,6) NOT NULL,
    "memory_gib_hour" DECIMAL(12,6) NOT NULL,
    "gpu_hour" DECIMAL(12,6) NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_sheets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cost_rollups" (
    "tenant_id" UUID NOT NULL,
    "dag_db_id" UUID NOT NULL,
    "task_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tries" INTEGER NOT NULL,
    "cost" DECIMAL(16,6) NOT NULL,
    "duration_seconds" DOUBLE PRECISION NOT NULL,
    "cpu_seconds" DOUBLE PRECISION NOT NULL,
    "request_cpu_seconds" DOUBLE PRECISION NOT NULL,
    "memory_byte_seconds" DOUBLE PRECISION NOT NULL,
    "request_memory_byte_seconds" DOUBLE PRECISION NOT NULL,
    "gpu_seconds" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "cost_rollups_pkey" PRIMARY KEY ("tenant_id","dag_db_id","task_id","day")
);

-- CreateIndex
CREATE INDEX "task_tries_ended_at_idx" ON "task_tries"("ended_at");

-- CreateIndex
CREATE INDEX "usage_samples_task_try_id_sampled_at_idx" ON "usage_samples"("task_try_id", "sampled_at");

-- CreateIndex
CREATE INDEX "price_sheets_tenant_id_effective_from_idx" ON "price_sheets"("tenant_id", "effective_from");

-- CreateIndex
CREATE INDEX "cost_rollups_tenant_id_day_idx" ON "cost_rollups"("tenant_id", "day");

-- AddForeignKey
ALTER TABLE "usage_samples" ADD CONSTRAINT "usage_samples_task_try_id_fkey" FOREIGN KEY ("task_try_id") REFERENCES "task_tries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_sheets" ADD CONSTRAINT "price_sheets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cost_rollups" ADD CONSTRAINT "cost_rollups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
