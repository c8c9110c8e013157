import { DagView } from "@/features/dags/dag-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function DagPage({ params }: { params: Promise<{ slug: string; dagId: string }> }) {
  const { slug, dagId } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/dags/${encodeURIComponent(dagId)}`);
  return <DagView tenantSlug={slug} dagId={dagId} />;
}
