import { DagsView } from "@/features/dags/dags-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function DagsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/dags`);
  return <DagsView tenantSlug={slug} />;
}
