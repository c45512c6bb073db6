import { Link } from "react-router";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { formatWhenShort } from "../../../shared/format/dates";
import { profilePath } from "../paths";
import { StatusChip } from "./StatusChip";

export function CustomerRow({ customer }: { customer: CustomerListItemFieldsFragment }) {
  const phone = customer.mobilePhone ?? customer.landlinePhone;
  const next = customer.nextAppointment;
  return (
    <li className="customer-row">
      <div className="customer-row__name">
        <Link to={profilePath(customer.id)}>{customer.displayName || "(no name)"}</Link>
      </div>
      <div className="customer-row__cell customer-row__email">
        <span className="customer-row__label">Email</span>
        {customer.email ?? <span className="muted">—</span>}
      </div>
      <div className="customer-row__cell customer-row__phone">
        <span className="customer-row__label">Phone</span>
        {phone ?? <span className="muted">—</span>}
      </div>
      <div className="customer-row__cell customer-row__status">
        <StatusChip status={customer.communicationStatus} />
      </div>
      <div className="customer-row__cell customer-row__next">
        <span className="customer-row__label">Next appointment</span>
        {next ? (
          <time dateTime={next.startsAt}>{formatWhenShort(next)}</time>
        ) : (
          <span className="muted">None</span>
        )}
      </div>
    </li>
  );
}
