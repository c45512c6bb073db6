// Dates and times as staff read them. All-day events are dates without a time zone (midnight
// UTC in the API), so they are formatted in UTC; everything else in the browser's zone.

export const LOCALE = "en-GB";
const DAY_MS = 24 * 60 * 60 * 1000;

const dateFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat(LOCALE, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone });
const timeFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", timeZone });

/** "Thu, 14 Jan 2027". */
export function formatDate(iso: string, timeZone?: string): string {
  return dateFormat(timeZone).format(new Date(iso));
}

/** "Thu, 14 Jan 2027, 17:00". */
export function formatDateTime(iso: string, timeZone?: string): string {
  return `${formatDate(iso, timeZone)}, ${timeFormat(timeZone).format(new Date(iso))}`;
}

/** A calendar date (YYYY-MM-DD), e.g. a date of birth: "3 Apr 1980". */
export function formatCalendarDate(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

export interface Span {
  startsAt: string;
  endsAt: string;
  allDay: boolean;
}

function sameDay(a: Date, b: Date, timeZone?: string): boolean {
  const f = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
  return f.format(a) === f.format(b);
}

/**
 * Start–end of an appointment: "Thu, 14 Jan 2027, 17:00–17:30", or for all-day events
 * "All Day · Thu, 14 Jan 2027" (the API's end is exclusive: midnight after the last day).
 */
export function formatSpan(span: Span, timeZone?: string): string {
  const start = new Date(span.startsAt);
  const end = new Date(span.endsAt);
  if (span.allDay) {
    const lastDay = new Date(Math.max(start.getTime(), end.getTime() - DAY_MS));
    const first = formatDate(start.toISOString(), "UTC");
    return sameDay(start, lastDay, "UTC")
      ? `All Day · ${first}`
      : `All Day · ${first} – ${formatDate(lastDay.toISOString(), "UTC")}`;
  }
  const startText = formatDateTime(span.startsAt, timeZone);
  if (sameDay(start, end, timeZone)) {
    return `${startText}–${timeFormat(timeZone).format(end)}`;
  }
  return `${startText} – ${formatDateTime(span.endsAt, timeZone)}`;
}

/** The short form for lists: the date, plus the time unless all-day. */
export function formatWhenShort(span: Span, timeZone?: string): string {
  return span.allDay
    ? `${formatDate(span.startsAt, "UTC")} (All Day)`
    : formatDateTime(span.startsAt, timeZone);
}

/** Upcoming means not ended yet (as the API's AppointmentWhen.UPCOMING). */
export function isUpcoming(span: Pick<Span, "endsAt">, now: Date = new Date()): boolean {
  return new Date(span.endsAt).getTime() > now.getTime();
}
