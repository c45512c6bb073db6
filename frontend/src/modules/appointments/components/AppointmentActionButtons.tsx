// The buttons on an appointment row, by status: a request (REQUESTED) can be confirmed or
// declined; a scheduled one rescheduled, cancelled, completed or marked a no-show. An appointment
// whose calendar is the source of truth (readOnlyReason) keeps its time: Reschedule and Cancel
// are hidden and the reason is shown instead. Only with edit:customers.
import { formatWhenShort } from "../../../shared/format/dates";
import { useCan } from "../../session/hooks/useSession";
import type { ActionAppointment, AppointmentActions } from "../hooks/useAppointmentActions";

export function appointmentTitle(appointment: Pick<ActionAppointment, "title" | "services">): string {
  return appointment.title || appointment.services.join(", ") || "Appointment";
}

/** "Haircut, Thu, 14 Jan 2027, 09:00": which appointment a button is for ("Reschedule – Haircut, …" to screen readers; the visible word first). */
export function appointmentLabel(appointment: ActionAppointment): string {
  return `${appointmentTitle(appointment)}, ${formatWhenShort(appointment)}`;
}

function ActionButton({ label, appointment, onClick, tone }: { label: string; appointment: ActionAppointment; onClick: () => void; tone?: "primary" | "danger" }) {
  return (
    <button
      type="button"
      className={`button button--small${tone ? ` button--${tone}` : ""}`}
      aria-label={`${label} – ${appointmentLabel(appointment)}`}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** Completed or no-show only once it has begun (as the API allows). */
export function hasBegun(appointment: Pick<ActionAppointment, "startsAt">, now: Date = new Date()): boolean {
  return new Date(appointment.startsAt).getTime() <= now.getTime();
}

export function AppointmentActionButtons({ appointment, actions, now }: { appointment: ActionAppointment; actions: AppointmentActions; now?: Date }) {
  const canEdit = useCan("EDIT_CUSTOMERS");
  if (!canEdit) return null;
  if (appointment.status === "REQUESTED") {
    return (
      <div className="appointment-actions">
        <ActionButton label="Confirm" tone="primary" appointment={appointment} onClick={() => actions.confirmRequest.ask(appointment)} />
        <ActionButton label="Decline" appointment={appointment} onClick={() => actions.decline.ask({ appointment, reason: "" })} />
      </div>
    );
  }
  if (appointment.status !== "SCHEDULED") return null;
  return (
    <div className="appointment-actions">
      {appointment.readOnlyReason ? (
        <p className="appointment-actions__readonly muted">{appointment.readOnlyReason}</p>
      ) : (
        <>
          <ActionButton label="Reschedule" appointment={appointment} onClick={() => actions.reschedule.ask(appointment)} />
          <ActionButton label="Cancel appointment" appointment={appointment} onClick={() => actions.cancel.ask({ appointment, reason: "" })} />
        </>
      )}
      {hasBegun(appointment, now) && (
        <>
          <ActionButton label="Complete" appointment={appointment} onClick={() => actions.complete.ask(appointment)} />
          <ActionButton label="No-show" appointment={appointment} onClick={() => actions.noShow.ask(appointment)} />
        </>
      )}
    </div>
  );
}
