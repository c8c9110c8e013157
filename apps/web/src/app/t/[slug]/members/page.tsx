import { MembersView } from "@/features/members/members-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const session = await requireSession(`/t/${encodeURIComponent(slug)}/members`);
  return <MembersView tenantSlug={slug} currentUserId={session.user.id} />;
}
