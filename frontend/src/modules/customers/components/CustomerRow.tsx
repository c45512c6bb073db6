import { Link } from "react-router";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { formatDate, formatWhenShort } from "../../../shared/format/dates";
import { BookingBlockedChip } from "../../blocking/components/BookingBlockedChip";
import { profilePath } from "../paths";
import { matchLabel, matchPlace, type SearchMatchLike } from "../utils/match";
import { languageName } from "./CustomerDetails";
import { HighlightedText } from "./HighlightedText";
import { StatusChip } from "./StatusChip";

/**
 * One customer of the list; with a search, the matched value has its span marked. Phones show
 * as people write them (the API's display string, national in the account's country) and link
 * to the stored E.164 number; the language by its name.
 */
export function CustomerRow({ customer, match }: { customer: CustomerListItemFieldsFragment; match?: SearchMatchLike | null }) {
  const next = customer.nextAppointment;
  // A phone match shows the matched number even when it is the landline.
  const matchedLandline = match?.field === "phone" && match.value === customer.landlinePhone && match.value !== customer.mobilePhone;
  const phone = matchedLandline ? customer.landlinePhone : (customer.mobilePhone ?? customer.landlinePhone);
  const phoneDisplay =
    phone === customer.mobilePhone ? (customer.mobilePhoneDisplay ?? phone) : (customer.landlinePhoneDisplay ?? phone);
  const name = customer.displayName || "(no name)";
  const place = match ? matchPlace(match, { displayName: customer.displayName, email: customer.email, phone }) : null;
  const marked = (value: string) => <HighlightedText value={value} highlight={match?.highlight} />;
  return (
    <li className="customer-row">
      <div className="customer-row__name">
        <Link to={profilePath(customer.id)}>{place === "name" ? marked(name) : name}</Link>
        {customer.preferredLanguage && (
          <span className="customer-row__language muted" title={customer.preferredLanguage}>
            {languageName(customer.preferredLanguage)}
          </span>
        )}
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
        {phone ? (
          <a href={`tel:${phone}`} className="customer-row__tel" data-e164={phone}>
            {place === "phone" ? marked(match!.value) : phoneDisplay}
          </a>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div className="customer-row__cell customer-row__status">
        <StatusChip status={customer.communicationStatus} emailEnabled={customer.emailEnabled} smsEnabled={customer.smsEnabled} />
        {customer.isBlocked && <BookingBlockedChip />}
      </div>
      <div className="customer-row__cell customer-row__last">
        <span className="customer-row__label">Last visit</span>
        {customer.lastVisitAt ? (
          <time dateTime={customer.lastVisitAt}>{formatDate(customer.lastVisitAt)}</time>
        ) : (
          <span className="muted">None</span>
        )}
      </div>
      <div className="customer-row__cell customer-row__next">
        <span className="customer-row__label">Next appointment</span>
        {next ? <time dateTime={next.startsAt}>{formatWhenShort(next)}</time> : <span className="muted">None</span>}
      </div>
    </li>
  );
}
