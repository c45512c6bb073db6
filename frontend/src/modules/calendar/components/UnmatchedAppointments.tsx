// Synced appointments whose event named no customer; "Link to customer" (edit:customers) finds
// a customer by search and links them (appointmentLinkCustomer); the row then leaves the list.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { AppointmentFieldsFragment } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatWhenShort } from "../../../shared/format/dates";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useCan } from "../../session/hooks/useSession";
import { AppointmentLinkCustomerMutation } from "../graphql/AppointmentLinkCustomerMutation";
import { CustomerPickerQuery } from "../graphql/CustomerPickerQuery";
import { UnmatchedAppointmentsQuery } from "../graphql/UnmatchedAppointmentsQuery";

export const UNMATCHED_PAGE = 50;

export function UnmatchedAppointments() {
  const canLink = useCan("EDIT_CUSTOMERS");
  const [result, reexecute] = useQuery({ query: UnmatchedAppointmentsQuery, variables: { first: UNMATCHED_PAGE } });
  const [linking, setLinking] = useState<AppointmentFieldsFragment | null>(null);
  const [linked, setLinked] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const page = result.data?.unmatchedAppointments;
  const rows = page?.edges.map((edge) => edge.node).filter((node) => !linked.has(node.id)) ?? [];

  return (
    <section className="card" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title" className="card__title">
        Unmatched appointments {page && <span className="muted">({Math.max(0, page.totalCount - linked.size)})</span>}
      </h2>
      <p className="card__hint">Events that named no customer (no email, phone or name found), newest first.</p>
      <p aria-live="polite" className="muted">
        {done}
      </p>
      {!page ? (
        result.error ? (
          <ErrorState title="Unmatched appointments could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading unmatched appointments…" />
        )
      ) : rows.length === 0 ? (
        <EmptyState title="Every synced appointment has its customer." />
      ) : (
        <ul className="admin-list" aria-label="Unmatched appointments">
          {rows.map((appointment) => (
            <li key={appointment.id} className="admin-row">
              <span className="admin-row__name">{appointment.title || "Appointment"}</span>
              <span className="admin-row__sub">
                <time dateTime={appointment.startsAt}>{formatWhenShort(appointment)}</time>
                {appointment.location && ` · ${appointment.location}`}
              </span>
              {canLink && (
                <div className="admin-row__actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setLinking(appointment)}
                    aria-label={`Link ${appointment.title || "appointment"} to a customer`}
                  >
                    Link to customer
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <LinkCustomerDialog
        appointment={linking}
        onClose={() => setLinking(null)}
        onLinked={(appointment, customerName) => {
          setLinked((current) => new Set(current).add(appointment.id));
          setDone(`${appointment.title || "The appointment"} is now linked to ${customerName}.`);
          setLinking(null);
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
