import Link from "next/link";

/** What a signed-in user who is not a platform admin sees on an admin page. */
export function PlatformAdminsOnly() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-xl border border-slate-200 bg-white p-6" data-testid="platform-admins-only">
      <h1 className="text-2xl font-semibold">Only platform admins can see this page</h1>
      <p className="text-slate-600">
        Tenants and their quotas are managed by platform admins. Ask one if your tenant needs a higher quota or a new tenant.
      </p>
      <Link href="/t" className="inline-block text-sky-800 hover:underline">
        ← Your tenants
      </Link>
    </div>
  );
}
