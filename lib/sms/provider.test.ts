import { describe, expect, it, vi } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { LogSmsProvider } from "@/lib/sms/log-provider";
import { MobizonSmsProvider } from "@/lib/sms/mobizon-provider";
import { OutboxSmsProvider } from "@/lib/sms/outbox-provider";
import { getSmsProvider, providerFor, SmsDeliveryError } from "@/lib/sms/provider";

describe("getSmsProvider", () => {
  it("never sends to a demo cabinet's +999 number, whatever the gateway", async () => {
    const create = vi.fn(async () => ({}));
    await getSmsProvider({ SMS_PROVIDER: "outbox" }).send(
      { to: "+99912345678901", text: "Код 123456" },
      { smsMessage: { create } },
    );
    expect(create).not.toHaveBeenCalled();
    await getSmsProvider({ SMS_PROVIDER: "outbox" }).send(
      { to: "+77011234567", text: "Код 123456" },
      { smsMessage: { create } },
    );
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("defaults to the log provider", () => {
    expect(getSmsProvider({}).name).toBe("log");
    expect(getSmsProvider({ SMS_PROVIDER: "" }).name).toBe("log");
  });

  it("picks the provider named by SMS_PROVIDER", () => {
    expect(providerFor({ SMS_PROVIDER: "log" })).toBeInstanceOf(LogSmsProvider);
    expect(providerFor({ SMS_PROVIDER: "outbox" })).toBeInstanceOf(OutboxSmsProvider);
    expect(providerFor({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: "key" })).toBeInstanceOf(MobizonSmsProvider);
    const mobizon = getSmsProvider({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: "key" });
    expect(mobizon.name).toBe("mobizon");
  });

  it("requires MOBIZON_API_KEY for mobizon", () => {
    expect(() => getSmsProvider({ SMS_PROVIDER: "mobizon" })).toThrow(/MOBIZON_API_KEY/);
    expect(() => getSmsProvider({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: " " })).toThrow(/MOBIZON_API_KEY/);
  });

  it("rejects an invalid MOBIZON_TIMEOUT_MS", () => {
    expect(() =>
      getSmsProvider({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: "key", MOBIZON_TIMEOUT_MS: "soon" }),
    ).toThrow(/MOBIZON_TIMEOUT_MS/);
  });

  it("reads SMS_TIMEOUT_MS and rejects an invalid one", () => {
    expect(() => getSmsProvider({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: "key", SMS_TIMEOUT_MS: "-1" })).toThrow(
      /SMS_TIMEOUT_MS/,
    );
    expect(providerFor({ SMS_PROVIDER: "mobizon", MOBIZON_API_KEY: "key", SMS_TIMEOUT_MS: "250" })).toMatchObject({
      timeoutMs: 250,
    });
  });

  it("rejects an unknown provider", () => {
    expect(() => getSmsProvider({ SMS_PROVIDER: "carrier-pigeon" })).toThrow(/SMS_PROVIDER/);
  });
});

describe("SmsDeliveryError", () => {
  it("names the provider and keeps the cause", () => {
    const cause = new Error("boom");
    const error = new SmsDeliveryError("mobizon", "HTTP 500", { cause });
    expect(error.name).toBe("SmsDeliveryError");
    expect(error.provider).toBe("mobizon");
    expect(error.message).toContain("mobizon");
    expect(error.cause).toBe(cause);
  });
});

describe("development providers", () => {
  const message = { to: "+77011234567", text: "Code 123456\nDo not share" };

  it("log provider writes one line with the number and text", async () => {
    const lines: string[] = [];
    await new LogSmsProvider((line) => lines.push(line)).send(message);
    expect(lines).toEqual(["[sms] to=+77011234567 text=Code 123456 Do not share"]);
  });

  it("outbox provider stores the message through the transaction and logs it", async () => {
    const create = vi.fn().mockResolvedValue({});
    const tx = { smsMessage: { create } } as unknown as Prisma.TransactionClient;
    const lines: string[] = [];
    await new OutboxSmsProvider((line) => lines.push(line)).send(message, tx);
    expect(create).toHaveBeenCalledWith({
      data: { to: message.to, text: message.text, provider: "outbox" },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("to=+77011234567");
  });
});
