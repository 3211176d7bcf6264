import { describe, expect, it } from "vitest";
import { decideMaintenance, isExemptPath, maintenanceMessage, phaseAt, relevantWindow } from "./decision";

const at = (m: number) => new Date(Date.UTC(2030, 0, 1, 12, m));
const window = (id: string, announce: number, start: number, end: number) => ({
  id,
  announceFrom: at(announce),
  startsAt: at(start),
  endsAt: at(end),
  messageRu: "Работы",
  messageKk: null,
  messageEn: "Works",
});

describe("maintenance decision", () => {
  it("moves from nothing to announced to active to nothing", () => {
    const w = window("a", 0, 10, 20);
    expect([-1, 0, 9, 10, 19, 20].map((m) => phaseAt(w, at(m)))).toEqual([
      "none",
      "announced",
      "announced",
      "active",
      "active",
      "none",
    ]);
  });

  it("prefers a running window to an announced one", () => {
    const running = window("run", 0, 5, 30);
    const next = window("next", 0, 40, 50);
    expect(relevantWindow([next, running], at(6))?.window.id).toBe("run");
    expect(relevantWindow([next, running], at(1))).toMatchObject({ phase: "announced", window: { id: "run" } });
    expect(relevantWindow([next, running], at(31))).toMatchObject({ phase: "announced", window: { id: "next" } });
    expect(relevantWindow([], at(1))).toBeNull();
  });

  it("keeps the way in open and closes the rest", () => {
    for (const p of [
      "/login",
      "/api/auth/session",
      "/api/v1/auth/otp/verify",
      "/api/health",
      "/api/health/live",
      "/_next/static/x.js",
      "/favicon.svg",
      "/robots.txt",
    ])
      expect(isExemptPath(p), p).toBe(true);
    for (const p of [
      "/",
      "/cabinet",
      "/admin",
      "/api/v1/me",
      "/api/healthy",
      "/api/v1/tariffs",
      "/loginx",
      "/api/cabinet/audit/export",
    ])
      expect(isExemptPath(p), p).toBe(false);
  });

  it("asks whether the caller is an operator only while a window runs on a closed path", async () => {
    const w = window("a", 0, 10, 20);
    let asked = 0;
    const isOperator = (answer: boolean) => async () => {
      asked += 1;
      return answer;
    };
    const base = { window: w, at: at(12) };
    expect(
      await decideMaintenance({ ...base, phase: "announced", pathname: "/cabinet", isOperator: isOperator(false) }),
    ).toEqual({ pass: true });
    expect(
      await decideMaintenance({ ...base, phase: "active", pathname: "/login", isOperator: isOperator(false) }),
    ).toEqual({ pass: true });
    expect(asked).toBe(0);
    expect(
      await decideMaintenance({ ...base, phase: "active", pathname: "/cabinet", isOperator: isOperator(false) }),
    ).toEqual({
      pass: false,
      kind: "page",
      retryAfterSeconds: 8 * 60,
    });
    expect(
      await decideMaintenance({ ...base, phase: "active", pathname: "/api/v1/me", isOperator: isOperator(false) }),
    ).toMatchObject({ kind: "api" });
    expect(
      await decideMaintenance({ ...base, phase: "active", pathname: "/cabinet", isOperator: isOperator(true) }),
    ).toEqual({ pass: true });
    expect(asked).toBe(3);
  });

  it("shows the message in the reader's language, else in another one", () => {
    const w = window("a", 0, 10, 20);
    expect([maintenanceMessage(w, "ru"), maintenanceMessage(w, "en"), maintenanceMessage(w, "kk")]).toEqual([
      "Работы",
      "Works",
      "Работы",
    ]);
  });
});
