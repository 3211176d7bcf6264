import { z } from "zod";
import { now } from "@/lib/clock";
import { defineLoader } from "@/lib/tenancy/loader";
import { relevantWindow } from "./decision";
import { openWindows } from "./current";

/** How many finished or cancelled windows the back office lists. */
const PAST_SHOWN = 20;

/** The back office's maintenance page: windows to come or running, then the latest past ones. */
export const maintenanceWindowsLoader = defineLoader({
  name: "admin.maintenance",
  access: { operator: "platform.maintenance.view" },
  input: z.object({}),
  async load({ db }) {
    const at = now();
    const select = {
      id: true,
      announceFrom: true,
      startsAt: true,
      endsAt: true,
      messageRu: true,
      messageKk: true,
      messageEn: true,
      createdById: true,
      createdAt: true,
      cancelledAt: true,
      cancelledById: true,
    } as const;
    const [open, past] = await Promise.all([
      db.maintenanceWindow.findMany({
        where: { cancelledAt: null, endsAt: { gt: at } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select,
      }),
      db.maintenanceWindow.findMany({
        where: { OR: [{ cancelledAt: { not: null } }, { endsAt: { lte: at } }] },
        orderBy: [{ startsAt: "desc" }, { id: "desc" }],
        take: PAST_SHOWN,
        select,
      }),
    ]);
    const ids = [...new Set([...open, ...past].flatMap((w) => [w.createdById, w.cancelledById]))].filter(
      (id): id is string => id !== null,
    );
    const people = ids.length
      ? await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : [];
    const names = new Map(people.map((p) => [p.id, p.name]));
    const named = <T extends { createdById: string; cancelledById: string | null }>(w: T) => ({
      ...w,
      createdBy: names.get(w.createdById) ?? null,
      cancelledBy: w.cancelledById ? (names.get(w.cancelledById) ?? null) : null,
    });
    return {
      now: at,
      current: open.filter((w) => w.startsAt <= at).map(named),
      upcoming: open.filter((w) => w.startsAt > at).map(named),
      past: past.map(named),
    };
  },
});

/** The banner every page shows from a window's announcement until its end: public, not audited. */
export const maintenanceNoticeLoader = defineLoader({
  name: "maintenance.notice",
  access: "public",
  input: z.object({}),
  async load({ db }) {
    const at = now();
    return relevantWindow(await openWindows(db, at), at);
  },
});
