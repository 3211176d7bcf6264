import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MaintenanceWindowState } from "./decision";

/**
 * The not-cancelled windows that have not ended, read from PostgreSQL. Every request through the
 * proxy needs them, so each process keeps the answer for a few seconds (`MAINTENANCE_CACHE_MS`,
 * default 5000): a cache, not state. Another instance sees a new or cancelled window within that
 * time; the phase is computed per request from the clock, so a window starts and ends on time.
 * Kept on globalThis: the proxy and the pages are separate bundles of one process.
 */
type Reader = Pick<PrismaClient, "maintenanceWindow">;

interface Cached {
  at: number;
  windows: Promise<MaintenanceWindowState[]>;
}

const globalForMaintenance = globalThis as unknown as { partnerCabinetMaintenance?: Cached };

function ttlMs(): number {
  const value = Number(process.env.MAINTENANCE_CACHE_MS ?? 5000);
  return Number.isFinite(value) && value >= 0 ? value : 5000;
}

/** Windows worth knowing about: not cancelled, not over (a few, so no paging). */
export function readOpenWindows(db: Reader, at: Date): Promise<MaintenanceWindowState[]> {
  return db.maintenanceWindow.findMany({
    where: { cancelledAt: null, endsAt: { gt: at } },
    orderBy: { startsAt: "asc" },
    take: 20,
    select: {
      id: true,
      announceFrom: true,
      startsAt: true,
      endsAt: true,
      messageRu: true,
      messageKk: true,
      messageEn: true,
    },
  });
}

/**
 * The open windows, from the process's short cache when fresh. `at` is the app's clock (a test
 * server can move it); the cache's age is measured on the real one. A failed read is not kept.
 */
export function openWindows(db: Reader, at: Date): Promise<MaintenanceWindowState[]> {
  const cached = globalForMaintenance.partnerCabinetMaintenance;
  const real = Date.now();
  if (cached && real - cached.at < ttlMs()) return cached.windows;
  const windows = readOpenWindows(db, at);
  const entry = { at: real, windows };
  globalForMaintenance.partnerCabinetMaintenance = entry;
  windows.catch(() => {
    if (globalForMaintenance.partnerCabinetMaintenance === entry)
      globalForMaintenance.partnerCabinetMaintenance = undefined;
  });
  return windows;
}

/** Drops this process's cache (after a change committed here, so this instance sees it at once). */
export function forgetOpenWindows(): void {
  globalForMaintenance.partnerCabinetMaintenance = undefined;
}
