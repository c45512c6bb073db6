// An appointment in the history; expands to its times, location, status and services, and to
// its communication history. Staff's actions (if any) sit beside the heading.
import { useId, useState, type ReactNode } from "react";
import type { AppointmentFieldsFragment, AppointmentStatus, CommunicationFieldsFragment } from "../../../gql/graphql";
import { formatSpan, formatWhenShort } from "../../../shared/format/dates";
import { CommunicationHistory } from "../../communications/components/CommunicationHistory";

export const APPOINTMENT_STATUS_LABEL: Record<AppointmentStatus, string> = {
  REQUESTED: "Requested",
  SCHEDULED: "Scheduled",
  CANCELLED: "Cancelled",
  COMPLETED: "Completed",
  NO_SHOW: "No-show",
};

export interface AppointmentWithMessages extends AppointmentFieldsFragment {
  communications: { totalCount: number; edges: { node: CommunicationFieldsFragment }[] };
}

interface Props {
  appointment: AppointmentWithMessages;
  actions?: ReactNode;
  /** After a message about it was sent again: the profile fetches itself afresh. */
  onMessagesChanged?: () => void;
}

export function AppointmentRow({ appointment, actions, onMessagesChanged }: Props) {
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const title = appointment.title || appointment.services.join(", ") || "Appointment";
  const status = appointment.status.toLowerCase().replace("_", "-");
  return (
    <li className={`appointment appointment--${status}`}>
      <h4 className="appointment__heading">
        <button
          type="button"
          className="disclosure appointment__toggle"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded((open) => !open)}
        >
          <span className="disclosure__icon" aria-hidden="true" />
          <time className="appointment__when" dateTime={appointment.startsAt}>
            {formatWhenShort(appointment)}
          </time>
          <span className="appointment__title">{title}</span>
          <span className={`badge badge--${status}`}>{APPOINTMENT_STATUS_LABEL[appointment.status]}</span>
          {appointment.source && <span className="appointment__source muted">{appointment.source}</span>}
        </button>
      </h4>
      {actions}
      <div id={panelId} className="appointment__details" hidden={!expanded}>
        {expanded && (
          <>
            <dl className="details">
              <dt>When</dt>
              <dd>{formatSpan(appointment)}</dd>
              <dt>Location</dt>
              <dd>{appointment.location ?? <span className="muted">None given</span>}</dd>
              <dt>Status</dt>
              <dd>
                {APPOINTMENT_STATUS_LABEL[appointment.status]}
                {appointment.cancellationReason && ` · Reason: ${appointment.cancellationReason}`}
              </dd>
              <dt>Services</dt>
              <dd>
                {appointment.services.length > 0 ? appointment.services.join(", ") : <span className="muted">None</span>}
              </dd>
              <dt>From</dt>
              <dd>{appointment.source ? `Calendar “${appointment.source}”` : "Booked here or online"}</dd>
              {appointment.readOnlyReason && (
                <>
                  <dt>Changes</dt>
                  <dd>{appointment.readOnlyReason}</dd>
                </>
              )}
              <dt>Internal notes</dt>
              <dd>{appointment.notes ?? <span className="muted">None</span>}</dd>
            </dl>
            <CommunicationHistory
              messages={appointment.communications.edges.map((edge) => edge.node)}
              totalCount={appointment.communications.totalCount}
              onChanged={onMessagesChanged}
            />
          </>
        )}
      </div>
    </li>
  );
}
