import { PlatformAdminsOnly } from "@/features/admin/platform-admins-only";
import { TenantsAdminView } from "@/features/admin/tenants-admin-view";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function AdminTenantsPage() {
  const session = await requireSession("/admin/tenants");
  if (!session.user.isPlatformAdmin) return <PlatformAdminsOnly />;
  return <TenantsAdminView />;
}
