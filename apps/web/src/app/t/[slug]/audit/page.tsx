import { AuditView } from "@/features/audit/audit-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireSession(`/t/${encodeURIComponent(slug)}/audit`);
  return <AuditView tenantSlug={slug} />;
}
