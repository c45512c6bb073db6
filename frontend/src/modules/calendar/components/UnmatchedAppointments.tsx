// Standing synced appointments whose event named no customer, page by page ("Show more" until
// all are listed). "Link to customer" (edit:customers) finds a customer by search and links them
// (appointmentLinkCustomer); "Ignore events like this…" (manage:settings) makes an ignore rule from
// the title (calendarIgnoreRuleCreate), which removes the unmatched appointments it covers. Rows
// linked or ignored here leave the list at once and the count shown drops with them, until the
// server's next answer (asked for at once) counts afresh.
import { useState } from "react";
import { useClient, useMutation, useQuery } from "urql";
import type { AppointmentFieldsFragment } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatWhenShort } from "../../../shared/format/dates";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useCan } from "../../session/hooks/useSession";
import { AppointmentLinkCustomerMutation } from "../graphql/AppointmentLinkCustomerMutation";
import { CalendarIgnoreRulesQuery } from "../graphql/CalendarIgnoreRulesQuery";
import { CustomerPickerQuery } from "../graphql/CustomerPickerQuery";
import { useUnmatchedPages } from "../hooks/useUnmatchedPages";
import { coveredBy } from "../utils/ignoreRules";
import { IgnoreEventsDialog } from "./IgnoreEventsDialog";

export { UNMATCHED_PAGE } from "../hooks/useUnmatchedPages";

const titleOf = (appointment: AppointmentFieldsFragment) => appointment.title || "Appointment";

export function UnmatchedAppointments() {
  const canLink = useCan("EDIT_CUSTOMERS");
  const canIgnore = useCan("MANAGE_SETTINGS");
  const client = useClient();
  const pages = useUnmatchedPages();
  const [linking, setLinking] = useState<AppointmentFieldsFragment | null>(null);
  const [ignoring, setIgnoring] = useState<AppointmentFieldsFragment | null>(null);
  // Rows that left the list here; their appointments are gone for good (an ignored event that
  // comes back after its rule is removed is a new appointment).
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  // How many the count shown lacks until the server answers afresh (a new first page).
  const [removed, setRemoved] = useState<{ of: unknown; count: number }>({ of: null, count: 0 });
  const [done, setDone] = useState<string | null>(null);
  const first = pages.first;
  const rows = pages.rows.filter((row) => !gone.has(row.id));
  const count = first ? Math.max(0, first.totalCount - (removed.of === first ? removed.count : 0)) : null;

  function remove(ids: string[]) {
    setGone((current) => new Set([...current, ...ids]));
    setRemoved((current) => ({ of: first, count: (current.of === first ? current.count : 0) + ids.length }));
  }

  return (
    <section className="card" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title" className="card__title">
        Unmatched appointments {count !== null && <span className="muted">({count})</span>}
      </h2>
      <p className="card__hint">Events that named no customer (no email, phone or name found), newest first.</p>
      <p aria-live="polite" className="muted">
        {done}
      </p>
      {!first ? (
        pages.error ? (
          <ErrorState title="Unmatched appointments could not be loaded." error={pages.error} onRetry={pages.refresh} />
        ) : (
          <Loading label="Loading unmatched appointments…" />
        )
      ) : rows.length === 0 && !pages.hasMore ? (
        <EmptyState title="Every synced appointment has its customer." />
      ) : (
        <>
          {rows.length > 0 && (
            <ul className="admin-list" aria-label="Unmatched appointments">
              {rows.map((appointment) => (
                <li key={appointment.id} className="admin-row">
                  <span className="admin-row__name">{titleOf(appointment)}</span>
                  <span className="admin-row__sub">
                    <time dateTime={appointment.startsAt}>{formatWhenShort(appointment)}</time>
                    {appointment.location && ` · ${appointment.location}`}
                  </span>
                  {(canLink || canIgnore) && (
                    <div className="admin-row__actions">
                      {canLink && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setLinking(appointment)}
                        >
                          Link to customer{" "}
                          <span className="visually-hidden">({titleOf(appointment)})</span>
                        </button>
                      )}
                      {canIgnore && (
                        <button
                          type="button"
                          className="button button--small"
                          onClick={() => setIgnoring(appointment)}
                        >
                          Ignore events like this…{" "}
                          <span className="visually-hidden">({titleOf(appointment)})</span>
                        </button>
                      )}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          {pages.moreError && <ErrorState title="More unmatched appointments could not be loaded." error={pages.moreError} onRetry={pages.refresh} />}
          {pages.loadingMore && <Loading label="Loading more…" />}
          {pages.hasMore && !pages.loadingMore && (
            <button type="button" className="button unmatched__more" onClick={pages.showMore}>
              Show more
            </button>
          )}
        </>
      )}
      <LinkCustomerDialog
        appointment={linking}
        onClose={() => setLinking(null)}
        onLinked={(appointment, customerName) => {
          remove([appointment.id]);
          setDone(`${appointment.title || "The appointment"} is now linked to ${customerName}.`);
          setLinking(null);
        }}
      />
      <IgnoreEventsDialog
        appointment={ignoring}
        onClose={() => setIgnoring(null)}
        onIgnored={(text, removedAppointments) => {
          remove(rows.filter((row) => coveredBy(row.title, text)).map((row) => row.id));
          setDone(
            `Events with “${text}” in their title are ignored from now on: ${removedAppointments} ${removedAppointments === 1 ? "appointment" : "appointments"} removed.`,
          );
          setIgnoring(null);
          pages.refresh();
          void client.query(CalendarIgnoreRulesQuery, {}, { requestPolicy: "network-only" }).toPromise();
        }}
      />
    </section>
  );
}

function LinkCustomerDialog({
  appointment,
  onClose,
  onLinked,
}: {
  appointment: AppointmentFieldsFragment | null;
  onClose: () => void;
  onLinked: (appointment: AppointmentFieldsFragment, customerName: string) => void;
}) {
  return (
    <Dialog open={appointment !== null} title="Link to customer" onClose={onClose}>
      {appointment && <CustomerPicker key={appointment.id} appointment={appointment} onLinked={onLinked} />}
    </Dialog>
  );
}

function CustomerPicker({ appointment, onLinked }: { appointment: AppointmentFieldsFragment; onLinked: (a: AppointmentFieldsFragment, name: string) => void }) {
  const [search, setSearch] = useState("");
  const settled = useDebouncedValue(search.trim(), 250);
  const [result] = useQuery({ query: CustomerPickerQuery, variables: { search: settled }, pause: settled.length < 2 });
  const [{ fetching }, link] = useMutation(AppointmentLinkCustomerMutation);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const customers = settled.length >= 2 ? (result.data?.customers.edges.map((edge) => edge.node) ?? []) : [];

  async function choose(customerId: string, name: string) {
    setFailure(null);
    const response = await link({ appointmentId: appointment.id, customerId });
    const payload = response.data?.appointmentLinkCustomer;
    if (!payload) return setFailure(response.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    onLinked(appointment, name);
  }

  return (
    <div className="picker">
      <p>
        {appointment.title || "Appointment"} · {formatWhenShort(appointment)}
      </p>
      <Field label="Find customer" hint="Name, email, phone or company (at least 2 characters).">
        {(control) => (
          <input {...control} type="search" name="customerSearch" autoComplete="off" data-autofocus value={search} onChange={(e) => setSearch(e.target.value)} />
        )}
      </Field>
      {settled.length >= 2 &&
        (result.fetching && !result.data ? (
          <Loading label="Searching…" />
        ) : result.error ? (
          <ErrorState title="The search failed." error={result.error} />
        ) : customers.length === 0 ? (
          <p className="muted" role="status">
            No customer matches “{settled}”.
          </p>
        ) : (
          <ul className="admin-list" aria-label="Matching customers">
            {customers.map((customer) => {
              const name = customer.displayName || "(no name)";
              return (
                <li key={customer.id} className="admin-row">
                  <span className="admin-row__name">{name}</span>
                  <span className="admin-row__sub muted">{[customer.email, customer.mobilePhone].filter(Boolean).join(" · ")}</span>
                  <div className="admin-row__actions">
                    <button type="button" className="button button--small" disabled={fetching} onClick={() => choose(customer.id, name)} aria-label={`Link to ${name}`}>
                      Link
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
      <UserErrorList errors={errors} title="The appointment was not linked:" />
      {failure && <ErrorState title="The appointment could not be linked." error={failure} />}
    </div>
  );
}
