"use server";

import { revalidatePath } from "next/cache";
import { formMessage, keepInputOnFailure } from "@/lib/actions/form";
import { stateFormAction } from "@/lib/actions/form-action";
import type { ActionResult } from "@/lib/actions/define-action";
import { webActionContext } from "@/lib/actions/web";
import { cancelInvoice } from "@/lib/billing/actions/cancel-invoice";
import { changeTariff } from "@/lib/billing/actions/change-tariff";
import { markInvoicePaid } from "@/lib/billing/actions/mark-invoice-paid";
import { orderService } from "@/lib/billing/actions/order-service";
import { addTariffPrice } from "@/lib/tariffs/actions/add-tariff-price";
import { updateService } from "@/lib/tariffs/actions/update-service";
import { updateTariff } from "@/lib/tariffs/actions/update-tariff";
import type { NoticeState } from "./members";

/** A one-button answer: done, or a message (the request id with it when something broke). */
async function notice(run: () => Promise<ActionResult<unknown>>, revalidate: string): Promise<NoticeState> {
  return keepInputOnFailure(
    async () => {
      const result = await run();
      revalidatePath(revalidate);
      return result.ok ? { ok: true } : { ok: false, message: await formMessage(result.error) };
    },
    (message) => ({ ok: false, message }),
  );
}

const fields = (formData: FormData) => {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$")) continue;
    const all = formData.getAll(key).map(String);
    input[key] = key === "includedServices" ? all : all[0];
  }
  return input;
};

export const changeTariffAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { tariffSlug: formData.get("tariffSlug") };
  return notice(async () => changeTariff.run(input, await webActionContext()), "/cabinet/tariff");
});

export const orderServiceAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { serviceSlug: formData.get("serviceSlug") };
  return notice(async () => orderService.run(input, await webActionContext()), "/cabinet/tariff");
});

export const markInvoicePaidAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { invoiceId: formData.get("invoiceId") };
  return notice(async () => markInvoicePaid.run(input, await webActionContext()), "/admin/invoices");
});

export const cancelInvoiceAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { invoiceId: formData.get("invoiceId"), reason: formData.get("reason") };
  return notice(async () => cancelInvoice.run(input, await webActionContext()), "/admin/invoices");
});

export const updateTariffAction = stateFormAction<NoticeState>(async (formData) => {
  const input = { includedServices: [], ...fields(formData) };
  return notice(async () => updateTariff.run(input, await webActionContext()), "/admin/tariffs");
});

export const addTariffPriceAction = stateFormAction<NoticeState>(async (formData) => {
  const input = fields(formData);
  return notice(async () => addTariffPrice.run(input, await webActionContext()), "/admin/tariffs");
});

export const updateServiceAction = stateFormAction<NoticeState>(async (formData) => {
  const input = fields(formData);
  return notice(async () => updateService.run(input, await webActionContext()), "/admin/tariffs");
});
