"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { newAccountProblem, MIN_PASSWORD_LENGTH } from "./new-account-problem";

/** No account yet for the invited e-mail: name and password create it, join the tenant, and sign in. */
export function CreateAccountForm({ token, email }: { token: string; email: string }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const create = trpc.invitations.acceptWithNewAccount.useMutation({
    onMutate: () => setError(null),
    onSuccess: async (accepted) => {
      setSigningIn(true);
      const destination = `/t/${encodeURIComponent(accepted.tenantSlug)}/dags`;
      try {
        const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: destination });
        if (!result || result.error || !result.ok) {
          setSigningIn(false);
          setError(`Your account was created and you joined ${accepted.tenantName}, but signing in failed; sign in as ${email}.`);
          return;
        }
      } catch {
        setSigningIn(false);
        setError(`Your account was created and you joined ${accepted.tenantName}; sign in as ${email} to continue.`);
        return;
      }
      // A full navigation so server components see the new session cookie.
      window.location.assign(destination);
    },
    onError: (e) => {
      setError(errorMessage(e));
      void utils.invitations.inspect.invalidate({ token });
    },
  });
  const busy = create.isPending || signingIn;

  return (
    <form
      aria-labelledby="create-account-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const problem = newAccountProblem({ name, password, repeat });
        if (problem) {
          setError(problem);
          return;
        }
        create.mutate({ token, name: name.trim(), password });
      }}
    >
      <h2 id="create-account-heading" className="font-semibold">
        Create your account
      </h2>
      <label className="block text-sm font-medium text-slate-700">
        E-mail
        <input
          value={email}
          readOnly
          aria-readonly="true"
          autoComplete="username"
          className="mt-1 block w-full rounded-md border border-slate-200 bg-slate-100 px-2 py-1.5 text-sm text-slate-600"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Your name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Repeat the password
        <input
          type="password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          autoComplete="new-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        />
      </label>
      <p className="text-xs text-slate-500">At least {MIN_PASSWORD_LENGTH} characters.</p>
      <ErrorAlert error={error} />
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {signingIn ? "Signing in…" : create.isPending ? "Creating…" : "Create account and join"}
      </button>
    </form>
  );
}
