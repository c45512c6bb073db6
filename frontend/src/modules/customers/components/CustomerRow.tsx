import { Link } from "react-router";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { formatWhenShort } from "../../../shared/format/dates";
import { profilePath } from "../paths";
import { matchLabel, matchPlace, type SearchMatchLike } from "../utils/match";
import { HighlightedText } from "./HighlightedText";
import { StatusChip } from "./StatusChip";

/** One customer of the list; with a search, the matched value has its span marked. */
export function CustomerRow({ customer, match }: { customer: CustomerListItemFieldsFragment; match?: SearchMatchLike | null }) {
  const next = customer.nextAppointment;
  // A phone match shows the matched number even when it is the landline.
  const matchedPhone =
    match?.field === "phone" && (match.value === customer.mobilePhone || match.value === customer.landlinePhone)
      ? match.value
      : null;
  const phone = matchedPhone ?? customer.mobilePhone ?? customer.landlinePhone;
  const name = customer.displayName || "(no name)";
  const place = match ? matchPlace(match, { displayName: customer.displayName, email: customer.email, phone }) : null;
  const marked = (value: string) => <HighlightedText value={value} highlight={match?.highlight} />;
  return (
    <li className="customer-row">
      <div className="customer-row__name">
        <Link to={profilePath(customer.id)}>{place === "name" ? marked(name) : name}</Link>
        {match && place === "line" && (
          <span className="customer-row__match">
            <span className="customer-row__match-label">{match.label ?? matchLabel(match.field)}:</span> {marked(match.value)}
          </span>
        )}
      </div>
      <div className="customer-row__cell customer-row__email">
        <span className="customer-row__label">Email</span>
        {customer.email ? (place === "email" ? marked(customer.email) : customer.email) : <span className="muted">—</span>}
      </div>
      <div className="customer-row__cell customer-row__phone">
        <span className="customer-row__label">Phone</span>
        {phone ? (place === "phone" ? marked(phone) : phone) : <span className="muted">—</span>}
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
