// The profile's figures: visits (completed appointments), no-shows, cancellations, the last
// visit and the next appointment.
import type { CustomerFiguresFieldsFragment } from "../../../gql/graphql";
import { formatDateTime, formatWhenShort } from "../../../shared/format/dates";

export function CustomerFigures({ customer }: { customer: CustomerFiguresFieldsFragment }) {
  const next = customer.nextAppointment;
  return (
    <section className="card figures" aria-labelledby="figures-title">
      <h2 id="figures-title" className="visually-hidden">
        Figures
      </h2>
      <dl className="figures__list">
        <div className="figure">
          <dt>Visits</dt>
          <dd data-figure="visits">{customer.visitCount}</dd>
        </div>
        <div className="figure">
          <dt>No-shows</dt>
          <dd data-figure="no-shows">{customer.noShowCount}</dd>
        </div>
        <div className="figure">
          <dt>Cancellations</dt>
          <dd data-figure="cancellations">{customer.cancellationCount}</dd>
        </div>
        <div className="figure">
          <dt>Last visit</dt>
          <dd data-figure="last-visit">
            {customer.lastVisitAt ? <time dateTime={customer.lastVisitAt}>{formatDateTime(customer.lastVisitAt)}</time> : <span className="muted">None yet</span>}
          </dd>
        </div>
        <div className="figure">
          <dt>Next appointment</dt>
          <dd data-figure="next">
            {next ? <time dateTime={next.startsAt}>{formatWhenShort(next)}</time> : <span className="muted">None</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}
