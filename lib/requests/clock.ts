import { loadWorkingCalendar } from "@/lib/calendar/queries";
import { addWorkingMillis, workingMillisBetween, type WorkingCalendar } from "@/lib/calendar/working-time";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The request's clocks in working hours (REQ-2), the one place that talks to the working calendar.
 * First response: a fixed due time from creation. Resolution: `resolutionTargetMs` of working time,
 * of which `consumedMs` was used before the clock last stopped; it runs from `clockStartedAt`, stands
 * while the request waits for the Partner (and once resolved), and resumes on the Partner's reply.
 */
export type { WorkingCalendar };

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface RequestClock {
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolutionTargetMs: number;
  consumedMs: number;
  clockStartedAt: Date | null;
  resolutionDueAt: Date | null;
  dueAt: Date | null;
}

/** The calendar around a moment: wide enough for any target (weeks of working hours), from a month back. */
export function calendarAround(
  db: Prisma.TransactionClient | PrismaClient,
  companyId: string | null,
  at: Date,
): Promise<WorkingCalendar> {
  return loadWorkingCalendar(
    db,
    companyId,
    new Date(at.getTime() - 31 * DAY_MS),
    new Date(at.getTime() + 400 * DAY_MS),
  );
}

/** The next due time: the first response until answered, then the resolution; null while the clock stands. */
function nextDue(clock: Omit<RequestClock, "dueAt">): Date | null {
  const resolution = clock.clockStartedAt ? clock.resolutionDueAt : null;
  if (!clock.firstRespondedAt && clock.firstResponseDueAt) {
    if (!resolution) return clock.firstResponseDueAt;
    return resolution < clock.firstResponseDueAt ? resolution : clock.firstResponseDueAt;
  }
  return resolution;
}

/** Both clocks of a new request, started at `at`. */
export function startClock(
  at: Date,
  target: { firstResponseHours: number; resolutionHours: number },
  cal: WorkingCalendar,
): RequestClock {
  const resolutionTargetMs = target.resolutionHours * HOUR_MS;
  const clock = {
    firstResponseDueAt: addWorkingMillis(at, target.firstResponseHours * HOUR_MS, cal),
    firstRespondedAt: null,
    resolutionTargetMs,
    consumedMs: 0,
    clockStartedAt: at,
    resolutionDueAt: addWorkingMillis(at, resolutionTargetMs, cal),
  };
  return { ...clock, dueAt: nextDue(clock) };
}

/** The staff's first answer stops the first-response clock. */
export function markResponded(clock: RequestClock, at: Date): RequestClock {
  if (clock.firstRespondedAt) return clock;
  const next = { ...clock, firstRespondedAt: at };
  return { ...next, dueAt: nextDue(next) };
}

/** Stops the resolution clock (waiting for the Partner, resolved): what it used is kept. */
export function pauseClock(clock: RequestClock, at: Date, cal: WorkingCalendar): RequestClock {
  if (!clock.clockStartedAt) return clock;
  const next = {
    ...clock,
    consumedMs: clock.consumedMs + workingMillisBetween(clock.clockStartedAt, at, cal),
    clockStartedAt: null,
    resolutionDueAt: null,
  };
  return { ...next, dueAt: nextDue(next) };
}

/** Restarts the resolution clock with what is left of the target. */
export function resumeClock(clock: RequestClock, at: Date, cal: WorkingCalendar): RequestClock {
  if (clock.clockStartedAt) return clock;
  const left = Math.max(0, clock.resolutionTargetMs - clock.consumedMs);
  // Nothing left: due at the next working minute (not at a night or weekend moment of the reply).
  const due = left > 0 ? addWorkingMillis(at, left, cal) : new Date(addWorkingMillis(at, 1, cal).getTime() - 1);
  const next = { ...clock, clockStartedAt: at, resolutionDueAt: due };
  return { ...next, dueAt: nextDue(next) };
}

/** Overdue: a running clock whose due time has passed. */
export function isOverdue(dueAt: Date | null, at: Date): boolean {
  return dueAt !== null && dueAt.getTime() < at.getTime();
}

/** The clock's columns as stored. */
export function clockColumns(clock: RequestClock) {
  return {
    firstResponseDueAt: clock.firstResponseDueAt,
    firstRespondedAt: clock.firstRespondedAt,
    resolutionTargetMs: BigInt(clock.resolutionTargetMs),
    consumedMs: BigInt(clock.consumedMs),
    clockStartedAt: clock.clockStartedAt,
    resolutionDueAt: clock.resolutionDueAt,
    dueAt: clock.dueAt,
  };
}

/** The clock of a stored row. */
export function clockOf(row: {
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  resolutionTargetMs: bigint;
  consumedMs: bigint;
  clockStartedAt: Date | null;
  resolutionDueAt: Date | null;
  dueAt: Date | null;
}): RequestClock {
  return { ...row, resolutionTargetMs: Number(row.resolutionTargetMs), consumedMs: Number(row.consumedMs) };
}
