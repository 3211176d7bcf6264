import { isDemoPhone } from "@/lib/demo/phones";
import { LogSmsProvider } from "@/lib/sms/log-provider";
import { MobizonSmsProvider, parseSmsTimeout } from "@/lib/sms/mobizon-provider";
import { OutboxSmsProvider } from "@/lib/sms/outbox-provider";

export interface SmsMessageInput {
  /** E.164, e.g. +77011234567 */
  to: string;
  text: string;
}

/** Where the outbox provider keeps its messages: the app's client (never a held transaction). */
export interface SmsStore {
  smsMessage: { create(args: { data: { to: string; text: string; provider: string } }): Promise<unknown> };
}

export interface SmsProvider {
  readonly name: string;
  /**
   * Called with no transaction open: after the code is committed (login and confirmation codes,
   * which a compensating transaction withdraws on failure) or from a job (everything else).
   * A gateway gets SMS_TIMEOUT_MS to answer.
   */
  send(message: SmsMessageInput, store: SmsStore): Promise<void>;
}

/**
 * The message is shown in logs and may reach error reporting, so it must never
 * carry the SMS text (it contains the code) or gateway credentials.
 */
export class SmsDeliveryError extends Error {
  readonly provider: string;

  constructor(provider: string, detail: string, options?: { cause?: unknown }) {
    super(`SMS delivery via ${provider} failed: ${detail}`, options);
    this.name = "SmsDeliveryError";
    this.provider = provider;
  }
}

export const SMS_PROVIDER_NAMES = ["log", "outbox", "mobizon"] as const;
export type SmsProviderName = (typeof SMS_PROVIDER_NAMES)[number];

function isProviderName(value: string): value is SmsProviderName {
  return (SMS_PROVIDER_NAMES as readonly string[]).includes(value);
}

/**
 * Every provider behind one guard: people of demo cabinets have +999 numbers, which no message is
 * ever sent to (BIZ-3: demo cabinets never text a real person), whatever the gateway.
 */
export function getSmsProvider(env: Record<string, string | undefined> = process.env): SmsProvider {
  const provider = providerFor(env);
  return {
    name: provider.name,
    async send(message, store) {
      if (isDemoPhone(message.to)) {
        console.info(`[sms] not sent: ${message.to.slice(0, 4)}… is a demo number`);
        return;
      }
      await provider.send(message, store);
    },
  };
}

/** The configured gateway itself, without the demo guard (for its own tests). */
export function providerFor(env: Record<string, string | undefined>): SmsProvider {
  const raw = env.SMS_PROVIDER?.trim().toLowerCase() || "log";
  if (!isProviderName(raw)) {
    throw new Error(`SMS_PROVIDER must be one of ${SMS_PROVIDER_NAMES.join(", ")}; got "${env.SMS_PROVIDER}"`);
  }
  switch (raw) {
    case "log":
      return new LogSmsProvider();
    case "outbox":
      return new OutboxSmsProvider();
    case "mobizon": {
      const apiKey = env.MOBIZON_API_KEY?.trim();
      if (!apiKey) {
        throw new Error("MOBIZON_API_KEY must be set when SMS_PROVIDER=mobizon");
      }
      return new MobizonSmsProvider({
        apiKey,
        apiUrl: env.MOBIZON_API_URL?.trim() || undefined,
        sender: env.MOBIZON_SENDER?.trim() || undefined,
        timeoutMs: parseSmsTimeout(env),
      });
    }
  }
}
