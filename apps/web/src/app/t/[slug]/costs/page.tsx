import { CostsView } from "@/features/costs/costs-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function CostsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/costs`);
  return <CostsView tenantSlug={slug} />;
}
