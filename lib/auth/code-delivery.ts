import { writeAudit } from "@/lib/audit/write";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { withSqlTransaction } from "@/lib/db/sql";
import { getSmsProvider } from "@/lib/sms/provider";
import { withdrawUndeliveredCode, type CodePurpose } from "./codes";
import { lockPhoneGuard, phoneAuditBase } from "./phone-guard";
import type { RequestMeta } from "./request-meta";

export interface CodeDelivery {
  phone: string;
  purpose: CodePurpose;
  codeId: string;
  text: string;
  meta: RequestMeta;
  /** The per-IP window the request counted in, returned when the SMS fails. */
  ipWindow?: { key: string; windowStart: Date };
  actorPersonId?: string | null;
}

/**
 * Sends a committed code by SMS, with no transaction or lock held while the gateway is called
 * (it has SMS_TIMEOUT_MS to answer). When it fails, a compensating transaction withdraws the code
 * and gives the quota back, so the user may ask again at once; returns whether it was sent.
 */
export async function deliverCode(delivery: CodeDelivery): Promise<boolean> {
  try {
    await getSmsProvider().send({ to: delivery.phone, text: delivery.text }, getDb());
    return true;
  } catch (error) {
    console.error(
      `[auth] ${error instanceof Error ? error.message : String(error)} (request ${delivery.meta.requestId})`,
    );
    await withSqlTransaction(async (sql) => {
      const at = now();
      // The guard row serialises this with the phone's code requests, so their counts are exact.
      const guard = await lockPhoneGuard(sql, delivery.phone, at, delivery.meta);
      await withdrawUndeliveredCode(sql, delivery.codeId, at, delivery.ipWindow);
      await writeAudit(
        sql,
        {
          ...phoneAuditBase(delivery.phone, delivery.meta),
          action: "auth.code_send_failed",
          outcome: "FAILURE",
          actorPersonId: delivery.actorPersonId ?? null,
          details: { purpose: delivery.purpose },
        },
        guard.head,
      );
    });
    return false;
  }
}
