export { AccessDeniedError } from "./access-denied-error";
export { NotFoundError } from "./not-found-error";
export { listMembers, type MemberView } from "./list-members";
export { changeMemberRole, type MemberRoleChange } from "./change-member-role";
export { removeMember, type RemovedMember } from "./remove-member";
export { OWNERS_ONLY_MESSAGE } from "./member-rules";
export { INVITATION_TTL_MS, generateInvitationToken, hashInvitationToken } from "./invitation-token";
export { type InvitationView, type InvitationState } from "./invitation-view";
export { createInvitation, type CreatedInvitation } from "./create-invitation";
export { listPendingInvitations } from "./list-invitations";
export { revokeInvitation } from "./revoke-invitation";
export { inspectInvitation, type InvitationInspection } from "./inspect-invitation";
export {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  MIN_NEW_ACCOUNT_PASSWORD,
  type AcceptedInvitation,
} from "./accept-invitation";
export { INVALID_INVITATION_MESSAGE } from "./usable-invitation";
