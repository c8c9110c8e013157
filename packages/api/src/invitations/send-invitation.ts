import type { Mailer } from "../mail/mailer";
import { invitationEmail } from "../mail/invitation-email";

export interface InvitationDelivery {
  /** True when the e-mail was handed to the SMTP server. */
  emailSent: boolean;
  /** Why it was not sent when SMTP is configured but failed (the link still works). */
  emailError: string | null;
}

/** E-mails the invitation when SMTP is configured; the inviter always gets the link too. */
export async function sendInvitation(
  mailer: Mailer,
  input: { to: string; tenantName: string; role: string; invitedBy: string; link: string; expiresAt: Date },
): Promise<InvitationDelivery> {
  if (!mailer.configured) return { emailSent: false, emailError: null };
  try {
    await mailer.send(invitationEmail(input));
    return { emailSent: true, emailError: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Sending the invitation e-mail to ${input.to} failed: ${reason}`);
    return { emailSent: false, emailError: `The e-mail could not be sent (${reason}); copy the link and send it yourself.` };
  }
}
