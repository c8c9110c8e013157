import type { MailMessage } from "./mailer";

/** The invitation e-mail: who invited whom to which tenant, with the link and its expiry. */
export function invitationEmail(input: {
  to: string;
  tenantName: string;
  role: string;
  invitedBy: string;
  link: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: input.to,
    subject: `You are invited to ${input.tenantName} on Updraft`,
    text: [
      `${input.invitedBy} invited you to join ${input.tenantName} on Updraft as ${input.role}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      `The link works once and expires on ${input.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      "If you did not expect this e-mail, ignore it.",
    ].join("\n"),
  };
}
