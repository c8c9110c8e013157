"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { SubmitButton } from "@/components/submit-button";
import { TextField } from "@/components/text-field";
import { errorMessage } from "@/lib/error-message";
import { trpc } from "@/lib/trpc";
import { MIN_NEW_ACCOUNT_PASSWORD } from "@updraft/domain/account-rules";
import { newAccountProblem } from "./new-account-problem";

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
      <TextField
        label="Your name"
        value={name}
        onValueChange={setName}
        autoComplete="name"
        required
        inputClassName="w-full bg-white"
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onValueChange={setPassword}
        autoComplete="new-password"
        required
        minLength={MIN_NEW_ACCOUNT_PASSWORD}
        inputClassName="w-full bg-white"
      />
      <TextField
        label="Repeat the password"
        type="password"
        value={repeat}
        onValueChange={setRepeat}
        autoComplete="new-password"
        required
        inputClassName="w-full bg-white"
      />
      <p className="text-xs text-slate-500">At least {MIN_NEW_ACCOUNT_PASSWORD} characters.</p>
      <ErrorAlert error={error} />
      <SubmitButton pending={busy} pendingLabel={signingIn ? "Signing in…" : "Creating…"}>
        Create account and join
      </SubmitButton>
    </form>
  );
}
