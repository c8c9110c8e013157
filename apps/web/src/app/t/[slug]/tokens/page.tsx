import { TokensView } from "@/features/tokens/tokens-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function TokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/tokens`);
  return <TokensView tenantSlug={slug} />;
}
