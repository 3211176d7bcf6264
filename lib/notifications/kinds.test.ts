import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { NOTIFICATION_KINDS, canSwitchOff, defaultEnabled } from "./kinds";
import { notificationText } from "./notify";

describe("notification kinds", () => {
  it("has a text and a name for every kind in ru, kk and en", () => {
    for (const locale of ["ru", "kk", "en"]) {
      const n = messagesFor(locale).notifications as unknown as {
        kinds: Record<string, Record<string, string>>;
        kindNames: Record<string, Record<string, string>>;
      };
      for (const kind of NOTIFICATION_KINDS) {
        const [group, name] = kind.split(".") as [string, string];
        expect(n.kinds[group]?.[name], `${locale} ${kind}`).toBeTruthy();
        expect(n.kindNames[group]?.[name], `${locale} ${kind}`).toBeTruthy();
      }
    }
  });

  it("renders a kind's text with its params in the reader's language", () => {
    const params = { partner: "ТОО «Алатау»", titles: "Акт сверки" };
    expect(notificationText("ru", "document.received", params)).toBe("ТОО «Алатау»: пришли документы — Акт сверки");
    expect(notificationText("en", "document.received", params)).toContain("documents arrived");
  });

  it("names the author of a new message, and never shows a catalog key", () => {
    const params = { number: "З-2026-0042", subject: "Ведомость", author: "Асель Нурпеисова" };
    expect(notificationText("ru", "request.message", params)).toBe(
      "Новое сообщение в обращении З-2026-0042 от Асель Нурпеисова",
    );
    expect(notificationText("ru", "request.message", { number: "З-2026-0042" })).not.toContain("notifications.");
    expect(notificationText("en", "no.such_kind", {})).not.toContain("notifications.");
  });

  it("names a request's new status in words of the reader's language, never its code", () => {
    const params = { number: "З-2026-0042", subject: "Ведомость", status: "WAITING_PARTNER" };
    expect(notificationText("ru", "request.status", params)).toBe(
      "Обращение З-2026-0042: статус «Ждёт ответа клиента»",
    );
    expect(notificationText("kk", "request.status", params)).toContain("Клиенттің жауабын күтуде");
    expect(notificationText("en", "request.status", params)).toContain("Waiting for the client");
  });

  it("sends SMS by default only for urgent kinds, and never lets the essential SMS go off", () => {
    // A signer's turn and the reminder before a route's deadline are urgent too (DOC-5).
    expect(NOTIFICATION_KINDS.filter((k) => defaultEnabled(k, "SMS"))).toEqual([
      "request.status",
      "request.overdue",
      "signature.turn",
      "signature.reminder",
    ]);
    expect(NOTIFICATION_KINDS.every((k) => defaultEnabled(k, "EMAIL"))).toBe(true);
    expect(canSwitchOff("request.overdue", "SMS")).toBe(false);
    expect(canSwitchOff("request.overdue", "EMAIL")).toBe(true);
    expect(canSwitchOff("request.status", "SMS")).toBe(true);
  });
});
