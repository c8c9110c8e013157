import type { Invitation, Role } from "@updraft/db";

export type InvitationState = "pending" | "expired" | "revoked" | "accepted";

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  state: InvitationState;
}

export function invitationState(row: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now: Date): InvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

export function invitationView(row: Invitation & { invitedBy: { email: string } | null }, now: Date): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.email ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    state: invitationState(row, now),
  };
}
