"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { formatDateTime } from "@/lib/format-time";
import { roleLabel } from "@/lib/roles";
import { trpc } from "@/lib/trpc";
import { AcceptAsSignedIn } from "./accept-as-signed-in";
import { CreateAccountForm } from "./create-account-form";
import { WrongAccount } from "./wrong-account";

/** The invite page: what the invitation is for, and the one way forward for this visitor. */
export function InviteView({ token, signedInEmail }: { token: string; signedInEmail: string | null }) {
  const inspection = trpc.invitations.inspect.useQuery({ token }, { staleTime: Infinity });
  const here = `/invite/${encodeURIComponent(token)}`;

  if (inspection.isPending) return <Card title="Invitation">Loading the invitation…</Card>;
  if (inspection.error) {
    return (
      <Card title="Invitation">
        <ErrorAlert error={inspection.error} />
      </Card>
    );
  }
  const invite = inspection.data;
  if (invite.state === "invalid") {
    return (
      <Card title="This invitation link does not work">
        <Problem message={invite.message} />
      </Card>
    );
  }
  const summary = (
    <p data-testid="invitation-summary">
      <span className="font-medium">{invite.email}</span> is invited to join <span className="font-medium">{invite.tenantName}</span>{" "}
      as <span className="font-medium">{roleLabel(invite.role)}</span>.
    </p>
  );
  if (invite.state !== "pending") {
    const title =
      invite.state === "accepted"
        ? "This invitation was already used"
        : invite.state === "expired"
          ? "This invitation has expired"
          : "This invitation was withdrawn";
    return (
      <Card title={title}>
        {summary}
        <Problem message={invite.message ?? "This invitation can no longer be accepted."} />
        {invite.state === "accepted" ? (
          <Link href={`/t/${encodeURIComponent(invite.tenantSlug)}/dags`} className="inline-block text-sky-800 hover:underline">
            Open {invite.tenantName}
          </Link>
        ) : null}
      </Card>
    );
  }

  const expires = <p className="text-sm text-slate-500">The invitation expires {formatDateTime(invite.expiresAt)}.</p>;
  if (signedInEmail) {
    const matches = signedInEmail.trim().toLowerCase() === invite.email.toLowerCase();
    return (
      <Card title={`Join ${invite.tenantName}`}>
        {summary}
        {expires}
        {matches ? (
          <AcceptAsSignedIn token={token} tenantName={invite.tenantName} />
        ) : (
          <WrongAccount invitedEmail={invite.email} signedInEmail={signedInEmail} returnTo={here} />
        )}
      </Card>
    );
  }
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`;
  return (
    <Card title={`Join ${invite.tenantName}`}>
      {summary}
      {expires}
      {invite.hasAccount ? (
        <div className="space-y-2">
          <p>There is an account for {invite.email}: sign in, and you come back here to accept.</p>
          <Link
            href={signInHref}
            className="inline-block rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800"
          >
            Sign in as {invite.email}
          </Link>
        </div>
      ) : (
        <>
          <CreateAccountForm token={token} email={invite.email} />
          <p className="text-sm text-slate-500">
            Signing in another way (e.g. with your company&apos;s single sign-on) as {invite.email}?{" "}
            <Link href={signInHref} className="text-sky-800 hover:underline">
              Sign in first
            </Link>
            , then accept here.
          </p>
        </>
      )}
    </Card>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="invite-card">
      <p className="text-sm font-semibold tracking-wide text-sky-700">Updraft invitation</p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="space-y-4 text-slate-700">{children}</div>
    </div>
  );
}

function Problem({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {message}
    </p>
  );
}
