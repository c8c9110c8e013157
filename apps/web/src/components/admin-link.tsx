"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** "Admin" in the top bar; rendered only for platform admins. */
export function AdminLink() {
  const active = usePathname().startsWith("/admin");
  return (
    <Link
      href="/admin/tenants"
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-3 py-1 text-sm ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
    >
      Admin
    </Link>
  );
}
