import { createTransport, type Transporter } from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail, or is not configured (then links are shown to the user to pass on). */
export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
}

export const NO_MAILER: Mailer = {
  configured: false,
  send: () => Promise.reject(new Error("E-mail is not configured: set SMTP_URL and SMTP_FROM.")),
};

/** A mailer on any nodemailer transport (tests use a stream/JSON transport). */
export function mailerOnTransport(transport: Transporter, from: string): Mailer {
  return {
    configured: true,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

const transports = new Map<string, Transporter>();

/**
 * SMTP when `SMTP_URL` (a nodemailer URL, e.g. smtps://user:pass@smtp.example.com)
 * and `SMTP_FROM` are both set; otherwise not configured.
 */
export function mailerFromEnv(env: Record<string, string | undefined>): Mailer {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!url || !from) return NO_MAILER;
  let transport = transports.get(url);
  if (!transport) {
    transport = createTransport(url);
    transports.set(url, transport);
  }
  return mailerOnTransport(transport, from);
}
