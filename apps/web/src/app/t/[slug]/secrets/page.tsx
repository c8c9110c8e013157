import { SecretsView } from "@/features/secrets/secrets-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function SecretsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/secrets`);
  return <SecretsView tenantSlug={slug} />;
}
