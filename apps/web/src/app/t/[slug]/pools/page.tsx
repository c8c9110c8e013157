import { PoolsView } from "@/features/pools/pools-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function PoolsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/pools`);
  return <PoolsView tenantSlug={slug} />;
}
