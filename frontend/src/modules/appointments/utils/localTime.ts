// <input type="datetime-local"> values ("2026-12-01T09:30", the browser's zone) <-> ISO instants.

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-12-01T09:30" in the browser's zone for an ISO instant. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO instant of a datetime-local value (read in the browser's zone); null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Midnight UTC of a date input's value (all-day appointments are dates, midnight UTC in the API). */
export function fromDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The same length as [startsAt, endsAt) from a new start (keeps a rescheduled appointment's duration). */
export function shiftEnd(startsAt: string, endsAt: string, newStart: string): string {
  const length = new Date(endsAt).getTime() - new Date(startsAt).getTime();
  return new Date(new Date(newStart).getTime() + Math.max(length, 0)).toISOString();
}
