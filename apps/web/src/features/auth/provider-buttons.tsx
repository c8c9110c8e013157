"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** "Continue with GitHub" etc. for each OAuth/OIDC provider the server has configured. */
export function ProviderButtons({ providers, callbackUrl }: { providers: ReadonlyArray<{ id: string; name: string }>; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  if (providers.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="sign-in-providers">
      {providers.map((provider) => (
        <button
          key={provider.id}
          type="button"
          disabled={pending !== null}
          onClick={() => {
            setPending(provider.id);
            void signIn(provider.id, { callbackUrl });
          }}
          className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending === provider.id ? "Redirecting…" : `Continue with ${provider.name}`}
        </button>
      ))}
      <div className="flex items-center gap-3 py-2 text-xs text-slate-400" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or with e-mail and password
        <span className="h-px flex-1 bg-slate-200" />
      </div>
    </div>
  );
}
