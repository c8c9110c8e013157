import { dagTabFrom } from "@/features/dags/dag-tabs";
import { DagView } from "@/features/dags/dag-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DagPage({ params, searchParams }: { params: Promise<{ slug: string; dagId: string }>; searchParams: SearchParams }) {
  const { slug, dagId } = await params;
  const query = await searchParams;
  await requireSession(`/t/${encodeURIComponent(slug)}/dags/${encodeURIComponent(dagId)}`);
  const run = typeof query.run === "string" && /^[0-9a-f-]{36}$/i.test(query.run) ? query.run : null;
  return <DagView tenantSlug={slug} dagId={dagId} initialTab={dagTabFrom(query.tab)} initialRun={run} />;
}
