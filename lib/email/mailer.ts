import nodemailer, { type Transporter } from "nodemailer";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Milliseconds an SMTP server gets to connect, greet and answer each command. */
const SMTP_TIMEOUT_MS = 10_000;
const DEFAULT_FROM = "Partner Cabinet <no-reply@localhost>";

const globalForMail = globalThis as unknown as { partnerCabinetMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  const existing = globalForMail.partnerCabinetMailer;
  if (existing?.url === url) return existing.transport;
  const created = nodemailer.createTransport({
    url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as nodemailer.TransportOptions);
  globalForMail.partnerCabinetMailer = { url, transport: created };
  return created;
}

/**
 * Sends an e-mail over SMTP_URL (smtp:// or smtps://, with credentials in the URL), or prints it
 * to the server log when none is configured, like development SMS. Called only from the
 * `email.send` job, never inside a transaction.
 */
export async function sendEmail(message: EmailMessage, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = env.SMTP_URL?.trim();
  if (!url) {
    console.log(`[email] to=${message.to} subject=${message.subject.replace(/[\r\n]+/g, " ")}\n${message.text}`);
    return;
  }
  await transport(url).sendMail({
    from: env.SMTP_FROM?.trim() || DEFAULT_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
  });
}
