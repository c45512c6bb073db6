// "Today & upcoming": every appointment from today on, grouped by day, in the browser's time
// zone. New or changed appointments (appointmentSynced) slot in without a reload. Online booking
// requests (REQUESTED) carry Confirm and Decline.
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { profilePath } from "../../customers/paths";
import { UpcomingAppointmentsQuery } from "../graphql/UpcomingAppointmentsQuery";
import { useAppointmentFeed } from "../hooks/useAppointmentFeed";
import { dashboardFrom, formatTimeRange, groupByDay, mergeLive, type DashboardAppointment } from "../utils/upcoming";
import { useAppointmentActions, type AppointmentActions } from "../hooks/useAppointmentActions";
import { AppointmentActionButtons } from "./AppointmentActionButtons";
import { AppointmentActionDialogs } from "./AppointmentActionDialogs";
import { APPOINTMENT_STATUS_LABEL } from "./AppointmentRow";

export const DASHBOARD_PAGE = 100;

export function TodayPage({ now: fixedNow }: { now?: Date }) {
  // "Now" is fixed when the page opens, so the query's variables stay stable.
  const [now] = useState(() => fixedNow ?? new Date());
  const from = useMemo(() => dashboardFrom(now), [now]);
  const [result, reexecute] = useQuery({ query: UpcomingAppointmentsQuery, variables: { from, first: DASHBOARD_PAGE } });
  const live = useAppointmentFeed();
  const actions = useAppointmentActions();
  const page = result.data?.upcomingAppointments;
  const groups = useMemo(
    () => (page ? groupByDay(mergeLive(page.edges.map((edge) => edge.node), live, now), now) : []),
    [page, live, now],
  );

  return (
    <section className="page dashboard" aria-labelledby="today-title">
      <div className="page__header">
        <h1 id="today-title">Today &amp; upcoming</h1>
      </div>
      {!page ? (
        result.error ? (
          <ErrorState
            title="The appointments could not be loaded."
            error={result.error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : (
          <Loading label="Loading appointments…" />
        )
      ) : groups.length === 0 ? (
        <EmptyState title="No appointments today or later.">
          <p className="muted">Appointments from your calendars appear here as soon as they are synced.</p>
        </EmptyState>
      ) : (
        <>
          {groups.map((group) => (
            <section key={group.key} className="card day" aria-labelledby={`day-${group.key}`}>
              <h2 id={`day-${group.key}`} className="card__title">
                {group.label} <span className="muted">({group.appointments.length})</span>
              </h2>
              <ol className="day__list" aria-labelledby={`day-${group.key}`}>
                {group.appointments.map((appointment) => (
                  <DashboardRow key={appointment.id} appointment={appointment} actions={actions} />
                ))}
              </ol>
            </section>
          ))}
          {page.pageInfo.hasNextPage && (
            <p className="notice">
              Showing the next {page.edges.length} of {page.totalCount} appointments.
            </p>
          )}
        </>
      )}
      <AppointmentActionDialogs actions={actions} />
    </section>
  );
}

function DashboardRow({ appointment, actions }: { appointment: DashboardAppointment; actions: AppointmentActions }) {
  const status = appointment.status.toLowerCase().replace("_", "-");
  return (
    <li className={`day__row appointment--${status}`} data-appointment-id={appointment.id}>
      <time className="day__time" dateTime={appointment.startsAt}>
        {formatTimeRange(appointment)}
      </time>
      <span className="day__title">{appointment.title || appointment.services.join(", ") || "Appointment"}</span>
      <span className="day__customer">
        {appointment.customer ? (
          <Link to={profilePath(appointment.customer.id)}>{appointment.customer.displayName || "(no name)"}</Link>
        ) : (
          <span className="badge badge--unmatched">Unmatched</span>
        )}
      </span>
      <span className="day__location">{appointment.location ?? ""}</span>
      <span className={`badge badge--${status} day__status`}>{APPOINTMENT_STATUS_LABEL[appointment.status]}</span>
      {appointment.status === "REQUESTED" && (
        <div className="day__actions">
          <AppointmentActionButtons appointment={appointment} actions={actions} />
        </div>
      )}
    </li>
  );
}
