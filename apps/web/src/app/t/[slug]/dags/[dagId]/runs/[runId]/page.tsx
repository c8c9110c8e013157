import { RunView } from "@/features/runs/run-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ slug: string; dagId: string; runId: string }> }) {
  const { slug, dagId, runId } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/dags/${encodeURIComponent(dagId)}/runs/${encodeURIComponent(runId)}`);
  return <RunView tenantSlug={slug} dagId={dagId} id={runId} />;
}
