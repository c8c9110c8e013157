import { TenantPicker } from "@/features/tenants/tenant-picker";
import { requireSession } from "@/server/require-session";

export const dynamic = "force-dynamic";

export default async function TenantsPage() {
  await requireSession("/t");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-6 text-2xl font-semibold">Choose a tenant</h1>
      <TenantPicker />
    </div>
  );
}
