-- DropIndex
DROP INDEX "dag_runs_state_idx";

-- CreateIndex
CREATE INDEX "dag_runs_dag_db_id_state_idx" ON "dag_runs"("dag_db_id", "state");

-- CreateIndex
CREATE INDEX "dag_runs_tenant_id_idx" ON "dag_runs"("tenant_id");

-- CreateIndex
CREATE INDEX "dag_runs_triggered_by_id_idx" ON "dag_runs"("triggered_by_id");

-- CreateIndex
CREATE INDEX "dag_versions_created_by_id_idx" ON "dag_versions"("created_by_id");
