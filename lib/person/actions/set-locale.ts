import { defineAction } from "@/lib/actions/define-action";
import { setLocaleSchema } from "../schemas";

/** Keeps the chosen interface language on the person, so it follows them to every device (UX-1). */
export const setLocale = defineAction({
  name: "person.setLocale",
  input: setLocaleSchema,
  access: "self",
  audit: "person.locale_changed",
  async handler({ input, tx, actor }) {
    const before = await tx.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { locale: true } });
    await tx.person.update({ where: { id: actor.personId }, data: { locale: input.locale } });
    return {
      data: null,
      audit: {
        targetType: "person",
        targetId: actor.personId,
        details: { before: before.locale, after: input.locale },
      },
    };
  },
});
