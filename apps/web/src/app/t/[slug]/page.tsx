import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

export default async function TenantHome({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/t/${encodeURIComponent(slug)}/dags`);
}
