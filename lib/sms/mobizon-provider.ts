import { SmsDeliveryError, type SmsMessageInput, type SmsProvider } from "@/lib/sms/provider";

export const MOBIZON_DEFAULT_API_URL = "https://api.mobizon.kz";
/** How long a gateway may take to answer; the user waits for it on the login screen. */
export const SMS_DEFAULT_TIMEOUT_MS = 5_000;

export interface MobizonConfig {
  apiKey: string;
  /** Overridable so tests can point at a local fake server. */
  apiUrl?: string;
  /** Alpha sender name registered with Mobizon; omitted means their default. */
  sender?: string;
  timeoutMs?: number;
}

interface MobizonResponse {
  code?: unknown;
  message?: unknown;
}

/** SMS_TIMEOUT_MS (MOBIZON_TIMEOUT_MS is still read, for older deployments). */
export function parseSmsTimeout(env: Record<string, string | undefined>): number {
  const name = env.SMS_TIMEOUT_MS?.trim() ? "SMS_TIMEOUT_MS" : "MOBIZON_TIMEOUT_MS";
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return SMS_DEFAULT_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer; got "${raw}"`);
  }
  return value;
}

/** Mobizon (mobizon.kz) HTTP API v1, method service/message/sendsmsmessage. */
export class MobizonSmsProvider implements SmsProvider {
  readonly name: string = "mobizon";
  private readonly apiKey: string;
  private readonly apiUrl: string;
  private readonly sender: string | undefined;
  private readonly timeoutMs: number;

  constructor(config: MobizonConfig) {
    this.apiKey = config.apiKey;
    this.apiUrl = (config.apiUrl ?? MOBIZON_DEFAULT_API_URL).replace(/\/+$/, "");
    this.sender = config.sender;
    this.timeoutMs = config.timeoutMs ?? SMS_DEFAULT_TIMEOUT_MS;
  }

  async send(message: SmsMessageInput): Promise<void> {
    const recipient = message.to.replace(/\D/g, "");
    if (!recipient) throw this.failure("recipient has no digits");

    const url = new URL(`${this.apiUrl}/service/message/sendsmsmessage`);
    url.searchParams.set("output", "json");
    url.searchParams.set("api", "v1");
    url.searchParams.set("apiKey", this.apiKey);

    const body = new URLSearchParams({ recipient, text: message.text });
    if (this.sender) body.set("from", this.sender);

    let status: number;
    let payload: MobizonResponse | undefined;
    try {
      // The signal also covers reading the body, so a stalled response times out too.
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      const raw = await response.text();
      payload = parseJson(raw);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw this.failure(timedOut ? `timed out after ${this.timeoutMs} ms` : "network error", error);
    }

    if (status < 200 || status >= 300) throw this.failure(`HTTP ${status}`);
    if (!payload) throw this.failure(`HTTP ${status} with a non-JSON body`);
    if (payload.code !== 0 && payload.code !== "0") {
      const detail = typeof payload.message === "string" && payload.message ? `: ${payload.message}` : "";
      throw this.failure(this.redact(`gateway code ${String(payload.code)}${detail}`, message.text));
    }
  }

  private failure(detail: string, cause?: unknown): SmsDeliveryError {
    return new SmsDeliveryError(this.name, detail, cause === undefined ? undefined : { cause });
  }

  /** Gateway messages are not under our control, so strip anything secret they might echo. */
  private redact(value: string, text: string): string {
    let result = value.split(this.apiKey).join("[redacted]");
    if (text) result = result.split(text).join("[redacted]");
    return result.slice(0, 300);
  }
}

function parseJson(raw: string): MobizonResponse | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as MobizonResponse) : undefined;
  } catch {
    return undefined;
  }
}
