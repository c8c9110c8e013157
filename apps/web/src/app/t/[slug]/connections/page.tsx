import { ConnectionsView } from "@/features/connections/connections-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function ConnectionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/connections`);
  return <ConnectionsView tenantSlug={slug} />;
}
