// "New appointment: …" toasts in every view, from the shell's appointmentSynced subscription.
// The live region is always present (role=status, polite); each toast disappears after a while
// (not while it has focus or the pointer), and Dismiss or Escape closes it at once.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Link } from "react-router";
import { profilePath } from "../../customers/paths";
import { useAppointmentFeed } from "../hooks/useAppointmentFeed";
import { formatTimeRange, isNewAppointment, type DashboardAppointment } from "../utils/upcoming";
import { formatDate } from "../../../shared/format/dates";

export const TOAST_MS = 8_000;

/** "New appointment: Haircut · Anna Müller · Thu, 14 Jan 2027 09:00–09:45". */
export function toastText(appointment: DashboardAppointment): string {
  const when = `${formatDate(appointment.startsAt, appointment.allDay ? "UTC" : undefined)} ${formatTimeRange(appointment)}`;
  const who = appointment.customer?.displayName || "Unmatched";
  return `New appointment: ${appointment.title || "Appointment"} · ${who} · ${when}`;
}

export function AppointmentToasts({ enabled = true, durationMs = TOAST_MS }: { enabled?: boolean; durationMs?: number }) {
  const feed = useAppointmentFeed(enabled);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const toasts = useMemo(
    () => feed.filter((appointment) => isNewAppointment(appointment) && appointment.status !== "CANCELLED" && !dismissed.has(appointment.id)),
    [feed, dismissed],
  );
  const dismiss = (id: string) => setDismissed((current) => new Set(current).add(id));

  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((appointment) => (
        <Toast key={appointment.id} appointment={appointment} durationMs={durationMs} onDismiss={() => dismiss(appointment.id)} />
      ))}
    </div>
  );
}

function Toast({ appointment, durationMs, onDismiss }: { appointment: DashboardAppointment; durationMs: number; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismissRef.current(), durationMs);
    return () => clearTimeout(timer);
  }, [held, durationMs]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDismiss();
    }
  };
  const text = toastText(appointment);
  return (
    <div
      className="toast"
      onKeyDown={onKeyDown}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      <p className="toast__text">
        {appointment.customer ? <Link to={profilePath(appointment.customer.id)}>{text}</Link> : text}
      </p>
      <button type="button" className="icon-button toast__close" aria-label="Dismiss notification" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
