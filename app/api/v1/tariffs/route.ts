import { json, requestLocale, withApiErrors } from "@/lib/api/http";
import { tariffListLoader } from "@/lib/tariffs/queries";

/** GET: the active tariffs with their current monthly price, names in the Accept-Language language. */
export const GET = withApiErrors(async (request: Request): Promise<Response> => {
  const result = await tariffListLoader.run({ locale: requestLocale(request) }, { session: null });
  if (!result.ok) throw new Error(`tariffs.list refused a public read: ${result.code}`);
  return json({
    tariffs: result.data.map((tariff) => ({
      slug: tariff.slug,
      name: tariff.name,
      priceMonthly: tariff.priceMonthly,
      currency: "KZT",
      limits: tariff.limits,
    })),
  });
});
