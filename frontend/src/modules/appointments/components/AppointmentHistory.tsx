// The customer's appointments in chronological order, upcoming first, then past.
import { useMemo } from "react";
import { isUpcoming } from "../../../shared/format/dates";
import { AppointmentRow, type AppointmentWithMessages } from "./AppointmentRow";

interface Props {
  appointments: AppointmentWithMessages[];
  totalCount: number;
  now?: Date;
}

export function AppointmentHistory({ appointments, totalCount, now }: Props) {
  const [upcoming, past] = useMemo(() => {
    const at = now ?? new Date();
    const sorted = [...appointments].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt));
    return [sorted.filter((a) => isUpcoming(a, at)), sorted.filter((a) => !isUpcoming(a, at))];
  }, [appointments, now]);

  return (
    <section className="card appointments" aria-labelledby="appointments-title">
      <h2 id="appointments-title" className="card__title">
        Appointment history <span className="muted">({totalCount})</span>
      </h2>
      {totalCount > appointments.length && (
        <p className="notice">
          Showing {appointments.length} of {totalCount} appointments.
        </p>
      )}
      {appointments.length === 0 ? (
        <p className="muted">No appointments yet.</p>
      ) : (
        <>
          <AppointmentSection title="Upcoming" appointments={upcoming} empty="No upcoming appointments." />
          <AppointmentSection title="Past" appointments={past} empty="No past appointments." />
        </>
      )}
    </section>
  );
}

function AppointmentSection({
  title,
  appointments,
  empty,
}: {
  title: string;
  appointments: AppointmentWithMessages[];
  empty: string;
}) {
  return (
    <div className="appointments__section">
      <h3 className="appointments__section-title">
        {title} <span className="muted">({appointments.length})</span>
      </h3>
      {appointments.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="appointments__list" aria-label={`${title} appointments`}>
          {appointments.map((appointment) => (
            <AppointmentRow key={appointment.id} appointment={appointment} />
          ))}
        </ol>
      )}
    </div>
  );
}
