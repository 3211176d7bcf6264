import type { SmsMessageInput, SmsProvider } from "@/lib/sms/provider";

export type SmsLogWriter = (line: string) => void;

/** Newlines are flattened so one message is always exactly one log line. */
export function formatSmsLogLine(message: SmsMessageInput): string {
  const text = message.text.replace(/\s*[\r\n]+\s*/g, " ");
  return `[sms] to=${message.to} text=${text}`;
}

/**
 * Development provider: prints the full number and text (including the code)
 * so a developer can sign in without a gateway. Never use it in production.
 */
export class LogSmsProvider implements SmsProvider {
  readonly name: string = "log";

  constructor(private readonly write: SmsLogWriter = (line) => console.log(line)) {}

  async send(message: SmsMessageInput): Promise<void> {
    this.write(formatSmsLogLine(message));
  }
}
