import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { ProviderButtons } from "@/features/auth/provider-buttons";
import { SignInForm } from "@/features/auth/sign-in-form";
import { safeCallbackUrl } from "@/features/auth/safe-callback-url";
import { authOptions } from "@/server/auth-options";
import { enabledSignInProviders } from "@/server/auth-providers";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const session = await getServerSession(authOptions);
  if (session) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  const email = typeof params.email === "string" ? params.email.slice(0, 320) : "";
  const providers = enabledSignInProviders();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-sky-700">Updraft</p>
        <h1 className="mt-1 mb-6 text-2xl font-semibold">Sign in</h1>
        <ProviderButtons providers={providers} callbackUrl={callbackUrl} />
        <SignInForm callbackUrl={callbackUrl} initialError={error} initialEmail={email} />
      </div>
    </main>
  );
}
