// The dashboard's arithmetic: where "today" starts, merging live appointments into the list in
// time order, and grouping by day (Today, Tomorrow, then dates) in the browser's time zone.
// All-day appointments are dates (midnight UTC in the API), so their day is read in UTC.
import type { DashboardAppointmentFieldsFragment } from "../../../gql/graphql";
import { formatDate, LOCALE } from "../../../shared/format/dates";

export type DashboardAppointment = DashboardAppointmentFieldsFragment;

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of a moment in a zone (the browser's when none is given). */
export function dayKey(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(date);
}

/** The day an appointment belongs to. */
export function appointmentDay(appointment: Pick<DashboardAppointment, "startsAt" | "allDay">): string {
  return dayKey(new Date(appointment.startsAt), appointment.allDay ? "UTC" : undefined);
}

/** Local midnight today. */
export function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * The `from` the dashboard asks for: local midnight, or midnight UTC if that is earlier, so
 * today's all-day appointments are included in every zone (earlier ones are filtered here).
 */
export function dashboardFrom(now: Date): string {
  const local = startOfLocalDay(now).getTime();
  const utc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(Math.min(local, utc)).toISOString();
}

/** Appointments that belong to today or later, in the browser's sense of today. */
export function isFromToday(appointment: Pick<DashboardAppointment, "startsAt" | "allDay">, now: Date): boolean {
  return appointmentDay(appointment) >= dayKey(now);
}

export function byTime(a: Pick<DashboardAppointment, "startsAt" | "endsAt" | "id">, b: typeof a): number {
  const diff = new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime();
  if (diff !== 0) return diff;
  return new Date(a.endsAt).getTime() - new Date(b.endsAt).getTime() || a.id.localeCompare(b.id);
}

/** The list with each live appointment inserted (new) or replaced (changed), in time order. */
export function mergeLive(listed: readonly DashboardAppointment[], live: readonly DashboardAppointment[], now: Date): DashboardAppointment[] {
  const byId = new Map<string, DashboardAppointment>();
  for (const appointment of listed) byId.set(appointment.id, appointment);
  for (const appointment of live) {
    const known = byId.get(appointment.id);
    // The newer of the two wins (the list may have been refetched after the event).
    if (!known || known.updatedAt <= appointment.updatedAt) byId.set(appointment.id, appointment);
  }
  return [...byId.values()].filter((appointment) => isFromToday(appointment, now)).sort(byTime);
}

export interface DayGroup {
  key: string;
  label: string;
  appointments: DashboardAppointment[];
}

/** Consecutive days with their appointments; labels Today, Tomorrow, then "Thu, 14 Jan 2027". */
export function groupByDay(appointments: readonly DashboardAppointment[], now: Date): DayGroup[] {
  const today = dayKey(now);
  const tomorrow = dayKey(new Date(startOfLocalDay(now).getTime() + DAY_MS + 12 * 60 * 60 * 1000));
  const groups: DayGroup[] = [];
  for (const appointment of appointments) {
    const key = appointmentDay(appointment);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const label = key === today ? "Today" : key === tomorrow ? "Tomorrow" : formatDate(`${key}T12:00:00Z`, "UTC");
      group = { key, label, appointments: [] };
      groups.push(group);
    }
    group.appointments.push(appointment);
  }
  return groups.sort((a, b) => a.key.localeCompare(b.key));
}

const clock = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit" });

/** "09:00–09:45" in the browser's zone, or "All Day". */
export function formatTimeRange(appointment: Pick<DashboardAppointment, "startsAt" | "endsAt" | "allDay">): string {
  if (appointment.allDay) return "All Day";
  return `${clock.format(new Date(appointment.startsAt))}–${clock.format(new Date(appointment.endsAt))}`;
}

/** Created by this event (not a change): the API stamps created and updated alike on insert. */
export function isNewAppointment(appointment: Pick<DashboardAppointment, "createdAt" | "updatedAt">): boolean {
  return Math.abs(new Date(appointment.updatedAt).getTime() - new Date(appointment.createdAt).getTime()) < 1000;
}
