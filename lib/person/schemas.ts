import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { emailSchema, personNameSchema } from "@/lib/registration/schemas";

export const updatePersonalDataSchema = z.object({ name: personNameSchema, email: emailSchema }).strict();
export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) }).strict();
