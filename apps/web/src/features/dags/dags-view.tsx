"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { trpc } from "@/lib/trpc";
import { DagTable } from "./dag-table";
import { EmptyDags } from "./empty-dags";
import { EXAMPLE_DAG_YAML } from "./example-dag";
import { UploadPanel } from "./upload-panel";

export function DagsView({ tenantSlug }: { tenantSlug: string }) {
  const [source, setSource] = useState("");
  const dags = trpc.dags.list.useQuery({ tenantSlug }, { refetchInterval: 10_000 });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">DAGs</h1>
      <ErrorAlert error={dags.error} size="base" />
      {dags.data && dags.data.length > 0 ? <DagTable tenantSlug={tenantSlug} dags={dags.data} /> : null}
      {dags.isPending ? <p className="text-slate-500">Loading DAGs…</p> : null}
      {dags.error ? null : <UploadPanel tenantSlug={tenantSlug} source={source} onSourceChange={setSource} />}
      {dags.data && dags.data.length === 0 ? <EmptyDags onUseExample={() => setSource(EXAMPLE_DAG_YAML)} /> : null}
    </div>
  );
}
