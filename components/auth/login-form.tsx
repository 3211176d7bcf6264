"use client";

import { signIn } from "next-auth/react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Refusal =
  | { error: "invalid_code"; attemptsLeft: number }
  | { error: "locked"; lockedUntil: string }
  | { error: "rate_limited"; retryAfterSeconds: number }
  | {
      error:
        | "no_active_code"
        | "blocked"
        | "sms_failed"
        | "invalid_phone"
        | "invalid_code_format"
        | "invalid_request"
        | "internal";
      /** Set by the server on a 5xx: shown so support can find the failure. */
      requestId?: string;
    };

/** Phone → code → cabinet (or registration for a new number), one flow for everyone (AUTH-1). */
export function LoginForm({ devHint }: { devHint: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [step, setStep] = useState<"phone" | "code">("phone");
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [clock, setClock] = useState(() => Date.now());

  const locked = refusal?.error === "locked";
  useEffect(() => {
    // While the number is locked no code can be sent, so no countdown runs.
    if (locked || resendAt <= clock) return;
    const timer = setInterval(() => setClock(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [locked, resendAt, clock]);

  async function requestCode(event?: FormEvent) {
    event?.preventDefault();
    setPending(true);
    setRefusal(null);
    try {
      const response = await fetch("/api/v1/auth/otp/request", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone }),
      });
      const body = (await response.json().catch(() => ({ error: "internal" }))) as
        Refusal | { retryAfterSeconds: number };
      if (response.status === 202 && "retryAfterSeconds" in body) {
        setStep("code");
        setCode("");
        setResendAt(Date.now() + body.retryAfterSeconds * 1000);
        setClock(Date.now());
      } else {
        setRefusal("error" in body ? body : { error: "internal" });
        if ("error" in body && body.error === "rate_limited") setResendAt(Date.now() + body.retryAfterSeconds * 1000);
      }
    } catch {
      setRefusal({ error: "internal" });
    } finally {
      setPending(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setRefusal({ error: "invalid_code_format" });
      return;
    }
    setPending(true);
    setRefusal(null);
    try {
      const result = await signIn("phone-otp", { phone, code, redirect: false });
      if (result?.ok && !result.error) {
        router.replace("/cabinet");
        router.refresh();
        return;
      }
      setRefusal(parseRefusal(result?.error));
    } catch {
      setRefusal({ error: "internal" });
    } finally {
      setPending(false);
    }
  }

  const waitSeconds = Math.max(0, Math.ceil((resendAt - clock) / 1000));
  const message = refusal ? refusalText(refusal) : null;

  function refusalText(r: Refusal): string {
    switch (r.error) {
      case "invalid_code":
        return t("login.attemptsLeft", { count: r.attemptsLeft });
      case "locked":
        return t("login.locked", {
          time: format.dateTime(new Date(r.lockedUntil), {
            hour: "2-digit",
            minute: "2-digit",
            day: "numeric",
            month: "long",
          }),
        });
      case "rate_limited":
        return t("login.rateLimited", { seconds: r.retryAfterSeconds });
      case "no_active_code":
        return t("login.noActiveCode");
      case "blocked":
        return t("login.blocked");
      case "sms_failed":
        return t("login.smsFailed");
      case "invalid_phone":
        return t("errors.invalid_phone");
      case "invalid_code_format":
        return t("errors.invalid_code_format");
      default:
        return "requestId" in r && r.requestId
          ? `${t("errors.internal")} ${t("common.requestId", { id: r.requestId })}`
          : t("errors.internal");
    }
  }

  if (step === "phone") {
    const phoneErrors = refusal?.error === "invalid_phone" ? [message!] : undefined;
    return (
      <form onSubmit={requestCode} noValidate className="space-y-5">
        <Field id="phone" label={t("login.phoneLabel")} hint={t("login.phoneHint")} errors={phoneErrors}>
          <Input
            {...fieldAria("phone", true, phoneErrors)}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="+7 7__ ___ __ __"
          />
        </Field>
        {message && !phoneErrors ? <Alert tone="error">{message}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending || phone.trim().length === 0}>
          {pending ? t("login.sending") : t("login.sendCode")}
        </Button>
        {devHint ? <p className="text-sm text-muted">{t("login.devOutboxHint")}</p> : null}
      </form>
    );
  }

  const codeErrors =
    refusal && (refusal.error === "invalid_code" || refusal.error === "invalid_code_format") ? [message!] : undefined;
  return (
    <form onSubmit={verify} noValidate className="space-y-5">
      <p className="text-sm text-muted">{t("login.codeSentTo", { phone })}</p>
      <Field id="code" label={t("login.codeLabel")} hint={t("login.codeHint")} errors={codeErrors}>
        <Input
          {...fieldAria("code", true, codeErrors)}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          className="text-center text-2xl tracking-[0.5em]"
        />
      </Field>
      {message && !codeErrors ? <Alert tone="error">{message}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending || locked}>
        {pending ? t("login.verifying") : t("login.verify")}
      </Button>
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
        <Button
          type="button"
          variant="ghost"
          onClick={() => requestCode()}
          disabled={pending || waitSeconds > 0 || locked}
        >
          {waitSeconds > 0 && !locked ? t("login.resendIn", { seconds: waitSeconds }) : t("login.resend")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setStep("phone");
            setRefusal(null);
          }}
        >
          {t("login.changePhone")}
        </Button>
      </div>
    </form>
  );
}

function parseRefusal(error: string | null | undefined): Refusal {
  if (!error) return { error: "internal" };
  try {
    const parsed = JSON.parse(error) as Refusal;
    return typeof parsed === "object" && parsed && "error" in parsed ? parsed : { error: "internal" };
  } catch {
    return { error: "internal" };
  }
}
