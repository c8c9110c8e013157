"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { useTenantRole } from "@/features/tenants/use-tenant-role";
import { tenantNavLinks } from "./tenant-nav-links";

/** The tenant's sections (DAGs, Pools, Members, …); admin-only ones appear for Admins and Owners. */
export function TenantNav() {
  const params = useParams<{ slug?: string }>();
  const pathname = usePathname();
  const role = useTenantRole(params.slug ?? "");
  if (!params.slug) return null;
  const links = tenantNavLinks(params.slug, role);
  return (
    <nav aria-label="Tenant" className="flex min-w-0 items-center gap-0.5 overflow-x-auto">
      {links.map((link) => {
        const active = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-1 text-sm whitespace-nowrap ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
