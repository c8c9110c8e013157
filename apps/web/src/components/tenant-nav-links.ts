import { roleAtLeast } from "@/lib/roles";

export interface TenantNavLink {
  href: string;
  label: string;
}

/**
 * The tenant's sections the role may open. Every member sees DAGs, Costs, Pools,
 * Members, Connections and Secrets (read-only below Admin, names only for
 * secrets); API tokens and the audit log are for Admins and Owners.
 */
export function tenantNavLinks(slug: string, role: string | undefined): TenantNavLink[] {
  const base = `/t/${encodeURIComponent(slug)}`;
  const links: TenantNavLink[] = [
    { href: `${base}/dags`, label: "DAGs" },
    { href: `${base}/costs`, label: "Costs" },
    { href: `${base}/pools`, label: "Pools" },
    { href: `${base}/connections`, label: "Connections" },
    { href: `${base}/secrets`, label: "Secrets" },
    { href: `${base}/members`, label: "Members" },
  ];
  if (roleAtLeast(role, "ADMIN")) {
    links.push({ href: `${base}/tokens`, label: "API tokens" }, { href: `${base}/audit`, label: "Audit log" });
  }
  return links;
}
