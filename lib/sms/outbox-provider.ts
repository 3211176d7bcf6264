import type { Prisma } from "@/lib/generated/prisma/client";
import { formatSmsLogLine, type SmsLogWriter } from "@/lib/sms/log-provider";
import type { SmsMessageInput, SmsProvider } from "@/lib/sms/provider";

/**
 * Stores messages in sms_message so demos and tests can read the code back;
 * writing through `tx` means a rolled-back request leaves no message behind.
 */
export class OutboxSmsProvider implements SmsProvider {
  readonly name: string = "outbox";

  constructor(private readonly write: SmsLogWriter = (line) => console.log(line)) {}

  async send(message: SmsMessageInput, tx: Prisma.TransactionClient): Promise<void> {
    await tx.smsMessage.create({
      data: { to: message.to, text: message.text, provider: this.name },
    });
    this.write(formatSmsLogLine(message));
  }
}
