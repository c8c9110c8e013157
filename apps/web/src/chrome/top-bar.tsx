import Link from "next/link";
import { SignOutButton } from "@/features/auth/sign-out-button";
import { AdminLink } from "@/components/admin-link";
import { TenantNav } from "@/components/tenant-nav";
import { TenantSwitcher } from "@/features/tenants/tenant-switcher";

export function TopBar({ email, isPlatformAdmin }: { email: string; isPlatformAdmin: boolean }) {
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/t" className="text-lg font-semibold tracking-tight">
          Updraft
        </Link>
        <TenantSwitcher />
        <TenantNav />
        <div className="ml-auto flex items-center gap-4">
          {isPlatformAdmin ? <AdminLink /> : null}
          <span className="text-sm text-slate-300" data-testid="user-email">
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
