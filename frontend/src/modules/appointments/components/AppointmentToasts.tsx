// "New appointment: …" toasts in every view, from the shell's appointmentSynced subscription.
// Appointments made in this tab ("New appointment") are not announced. Appointments arriving close together (within GROUP_MS of the previous one, e.g. a calendar
// sync) make ONE notice, "15 new appointments from Praxis calendar", not a stack of toasts.
// The live region is always present (role=status, polite); each notice disappears after a while
// (not while it has focus or the pointer; a notice that grows starts its time again), and
// Dismiss or Escape closes it at once.
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { profilePath } from "../../customers/paths";
import { useAppointmentFeed } from "../hooks/useAppointmentFeed";
import { TODAY_PATH } from "../paths";
import { isOwnAppointment, ownAppointmentsVersion, subscribeOwnAppointments } from "../utils/ownAppointments";
import { formatTimeRange, isNewAppointment, type DashboardAppointment } from "../utils/upcoming";
import { formatDate } from "../../../shared/format/dates";

export const TOAST_MS = 8_000;
/** Appointments arriving within this time of the previous one join its notice. */
export const GROUP_MS = 1_500;

/** "New appointment: Haircut · Anna Müller · Thu, 14 Jan 2027 09:00–09:45" ("New booking request: …" for requests). */
export function toastText(appointment: DashboardAppointment): string {
  const when = `${formatDate(appointment.startsAt, appointment.allDay ? "UTC" : undefined)} ${formatTimeRange(appointment)}`;
  const who = appointment.customer?.displayName || "Unmatched";
  const kind = appointment.status === "REQUESTED" ? "New booking request" : "New appointment";
  return `${kind}: ${appointment.title || "Appointment"} · ${who} · ${when}`;
}

/** "from Praxis calendar": the calendar all of them came from, if they share one. */
function sourceText(items: readonly DashboardAppointment[]): string {
  const source = items[0].source;
  if (!source || items.some((item) => item.source !== source)) return "";
  return ` from ${source}${/calendar$/i.test(source) ? "" : " calendar"}`;
}

/** "15 new appointments from Praxis calendar" (requests counted as such when all are). */
export function groupText(items: readonly DashboardAppointment[]): string {
  if (items.length === 1) return toastText(items[0]);
  const requests = items.every((item) => item.status === "REQUESTED");
  return `${items.length} new ${requests ? "booking requests" : "appointments"}${sourceText(items)}`;
}

interface ToastGroup {
  key: string;
  items: DashboardAppointment[];
  /** When the last appointment joined (ms). */
  lastAt: number;
}

export function AppointmentToasts({
  enabled = true,
  durationMs = TOAST_MS,
  groupMs = GROUP_MS,
}: {
  enabled?: boolean;
  durationMs?: number;
  groupMs?: number;
}) {
  const feed = useAppointmentFeed(enabled);
  const [groups, setGroups] = useState<ToastGroup[]>([]);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const arrivals: DashboardAppointment[] = [];
    for (const appointment of feed) {
      if (seen.current.has(appointment.id)) continue;
      seen.current.add(appointment.id);
      if (isNewAppointment(appointment) && appointment.status !== "CANCELLED") arrivals.push(appointment);
    }
    if (arrivals.length === 0) return;
    const now = Date.now();
    setGroups((current) => {
      const next = [...current];
      for (const appointment of arrivals) {
        const last = next[next.length - 1];
        if (last && now - last.lastAt <= groupMs) next[next.length - 1] = { ...last, items: [...last.items, appointment], lastAt: now };
        else next.push({ key: appointment.id, items: [appointment], lastAt: now });
      }
      return next;
    });
  }, [feed, groupMs]);

  const dismiss = (key: string) => setGroups((current) => current.filter((group) => group.key !== key));
  // Appointments made in this tab are no news here (checked at each render: the answer of the
  // mutation may come after the live event).
  useSyncExternalStore(subscribeOwnAppointments, ownAppointmentsVersion);
  const shown = groups
    .map((group) => ({ ...group, items: group.items.filter((item) => !isOwnAppointment(item.id)) }))
    .filter((group) => group.items.length > 0);

  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {shown.map((group) => (
        <Toast key={group.key} items={group.items} durationMs={durationMs} onDismiss={() => dismiss(group.key)} />
      ))}
    </div>
  );
}

function Toast({ items, durationMs, onDismiss }: { items: DashboardAppointment[]; durationMs: number; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  const count = items.length;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismissRef.current(), durationMs);
    return () => clearTimeout(timer);
  }, [held, durationMs, count]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDismiss();
    }
  };
  const text = groupText(items);
  const single = count === 1 ? items[0] : null;
  return (
    <div
      className="toast"
      data-count={count}
      onKeyDown={onKeyDown}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      <p className="toast__text">
        {single ? single.customer ? <Link to={profilePath(single.customer.id)}>{text}</Link> : text : <Link to={TODAY_PATH}>{text}</Link>}
      </p>
      <button type="button" className="icon-button toast__close" aria-label="Dismiss notification" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
