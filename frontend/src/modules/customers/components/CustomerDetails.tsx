// Read-only profile: contact, preferences, personal details, notes and custom fields.
import type { ReactNode } from "react";
import type { CustomerDetailsFieldsFragment, CustomFieldType, CustomerSource, Medium } from "../../../gql/graphql";
import { formatCalendarDate, formatDateTime } from "../../../shared/format/dates";
import { StatusChip } from "./StatusChip";

const MEDIUM: Record<Medium, string> = { EMAIL: "Email", SMS: "SMS" };
const SOURCE: Record<CustomerSource, string> = {
  CALENDAR: "Calendar event",
  BOOKING: "Online booking",
  IMPORT: "Import",
  MANUAL: "Added by staff",
};

const none = <span className="muted">—</span>;

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children ?? none}</dd>
    </>
  );
}

export function formatCustomValue(type: CustomFieldType, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (type === "CHECKBOX") return value === true ? "Yes" : "No";
  if (type === "DATE" && typeof value === "string") return formatCalendarDate(value);
  return String(value);
}

/** A language tag by its English name ("de-CH" → "Swiss High German"); the tag itself if unknown. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) || tag;
  } catch {
    return tag;
  }
}

export function CustomerDetails({ customer }: { customer: CustomerDetailsFieldsFragment }) {
  const { address } = customer;
  const addressLines = [address.street, [address.postcode, address.city].filter(Boolean).join(" "), address.country]
    .filter((line) => line && line.trim() !== "");
  return (
    <div className="profile-grid">
      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title" className="card__title">
          Contact
        </h2>
        <dl className="details">
          <Item term="Name">
            {[customer.salutation, customer.firstName, customer.lastName].filter(Boolean).join(" ") || null}
          </Item>
          <Item term="Email">{customer.email && <a href={`mailto:${customer.email}`}>{customer.email}</a>}</Item>
          <Item term="Mobile phone">
            {customer.mobilePhone && <a href={`tel:${customer.mobilePhone}`}>{customer.mobilePhoneDisplay ?? customer.mobilePhone}</a>}
          </Item>
          <Item term="Landline">
            {customer.landlinePhone && <a href={`tel:${customer.landlinePhone}`}>{customer.landlinePhoneDisplay ?? customer.landlinePhone}</a>}
          </Item>
          <Item term="Messages">
            <StatusChip status={customer.communicationStatus} emailEnabled={customer.emailEnabled} smsEnabled={customer.smsEnabled} />
          </Item>
        </dl>
      </section>

      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title" className="card__title">
          Preferences
        </h2>
        <dl className="details">
          <Item term="Preferred medium">{customer.preferredMedium && MEDIUM[customer.preferredMedium]}</Item>
          <Item term="Preferred language">
            {customer.preferredLanguage && <span title={customer.preferredLanguage}>{languageName(customer.preferredLanguage)}</span>}
          </Item>
          <Item term="Email notifications">{customer.emailEnabled ? "On" : "Off"}</Item>
          <Item term="SMS notifications">{customer.smsEnabled ? "On" : "Off"}</Item>
        </dl>
      </section>

      <section className="card" aria-labelledby="personal-title">
        <h2 id="personal-title" className="card__title">
          Details
        </h2>
        <dl className="details">
          <Item term="Company">{customer.company}</Item>
          <Item term="Date of birth">{customer.dateOfBirth && formatCalendarDate(customer.dateOfBirth)}</Item>
          <Item term="Address">
            {addressLines.length > 0 ? (
              <address>
                {addressLines.map((line, i) => (
                  <span key={i} className="address-line">
                    {line}
                  </span>
                ))}
              </address>
            ) : null}
          </Item>
          <Item term="Source">{SOURCE[customer.source]}</Item>
          <Item term="Customer since">
            <time dateTime={customer.createdAt}>{formatDateTime(customer.createdAt)}</time>
          </Item>
        </dl>
      </section>

      <section className="card" aria-labelledby="custom-title">
        <h2 id="custom-title" className="card__title">
          Custom fields
        </h2>
        {customer.customFields.length === 0 ? (
          <p className="muted">No custom field values.</p>
        ) : (
          <dl className="details">
            {customer.customFields.map((field) => (
              <Item key={field.key} term={field.archived ? `${field.label} (archived field)` : field.label}>
                {formatCustomValue(field.type, field.value)}
              </Item>
            ))}
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title" className="card__title">
          Internal notes
        </h2>
        {customer.notes ? <p className="notes">{customer.notes}</p> : <p className="muted">No notes.</p>}
        <p className="card__hint">Never shown to the customer.</p>
      </section>
    </div>
  );
}
