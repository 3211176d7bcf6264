import { formatSmsLogLine, type SmsLogWriter } from "@/lib/sms/log-provider";
import type { SmsMessageInput, SmsProvider, SmsStore } from "@/lib/sms/provider";

/** Stores messages in sms_message so demos and tests can read the code back. */
export class OutboxSmsProvider implements SmsProvider {
  readonly name: string = "outbox";

  constructor(private readonly write: SmsLogWriter = (line) => console.log(line)) {}

  async send(message: SmsMessageInput, store: SmsStore): Promise<void> {
    await store.smsMessage.create({
      data: { to: message.to, text: message.text, provider: this.name },
    });
    this.write(formatSmsLogLine(message));
  }
}
