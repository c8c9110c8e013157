"use client";

import Link from "next/link";
import { useParams, usePathname } from "next/navigation";

/** "DAGs" and "Pools" links of the tenant the user is in. */
export function TenantNav() {
  const params = useParams<{ slug?: string }>();
  const pathname = usePathname();
  if (!params.slug) return null;
  const base = `/t/${encodeURIComponent(params.slug)}`;
  const links = [
    { href: `${base}/dags`, label: "DAGs" },
    { href: `${base}/pools`, label: "Pools" },
  ];
  return (
    <nav aria-label="Tenant" className="flex items-center gap-1">
      {links.map((link) => {
        const active = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1 text-sm ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800 hover:text-white"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
