import { TIME_ZONE } from "@/lib/i18n/config";

const format = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as Almaty wall time, the same in every language: dd.MM.yyyy HH:mm. */
export function almatyMinute(instant: Date): string {
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** An instant as the value of a datetime-local field in Almaty time: yyyy-MM-ddTHH:mm. */
export function almatyLocalInput(instant: Date): string {
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
