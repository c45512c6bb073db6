// A customer's profile: details, preferences, notes, custom fields, blocking, and the tabs
// "Appointments" (upcoming and past, with the staff's actions and "New appointment"),
// "Messages" (every message, "Send message", "Resend"; its own query) and "History", the rest
// from one query; the figures (visits, no-shows, …) above the details; Edit, and Delete behind the
// arrow beside it, and "Erase personal data" there too (delete:customers); Block / Unblock for
// edit:blocked-customers; "Download data (JSON)" for
// export:customers.
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";
import { AppointmentsPanel } from "../../appointments/components/AppointmentsPanel";
import { CustomerFigures } from "../../appointments/components/CustomerFigures";
import { useCustomerAppointmentsLive } from "../../appointments/hooks/useCustomerAppointmentsLive";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { Tabs } from "../../../shared/components/Tabs";
import { BlockRuleTable } from "../../blocking/components/BlockRuleTable";
import { BookingBlockedChip } from "../../blocking/components/BookingBlockedChip";
import { CustomerBlockActions } from "../../blocking/components/CustomerBlockActions";
import { CustomerHistory } from "../../history/components/CustomerHistory";
import { CustomerMessages } from "../../messages/components/CustomerMessages";
import { CustomerProfileQuery } from "../graphql/CustomerProfileQuery";
import { useCustomerLive } from "../hooks/useCustomerLive";
import { LIST_PATH } from "../paths";
import { CustomerActions } from "./CustomerActions";
import { CustomerDataDownload } from "./CustomerDataDownload";
import { CustomerDetails } from "./CustomerDetails";
import { CustomerEditForm } from "./CustomerEditForm";
import { DeleteCustomerDialog, useDeleteCustomer } from "./DeleteCustomerDialog";
import { EraseCustomerDialog } from "./EraseCustomerDialog";
import { StatusChip } from "./StatusChip";

export function CustomerProfilePage() {
  const { id = "" } = useParams();
  return <CustomerProfile key={id} id={id} />;
}

function CustomerProfile({ id }: { id: string }) {
  const navigate = useNavigate();
  // Always asked afresh when opened (appointments, figures and blocking change elsewhere too);
  // a profile in the cache shows at once meanwhile.
  const [result, reexecute] = useQuery({ query: CustomerProfileQuery, variables: { id }, requestPolicy: "cache-and-network" });
  const [editing, setEditing] = useState(false);
  const [deletedHere, setDeletedHere] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [tab, setTab] = useState("appointments");
  const customer = result.data?.customer;
  const deleting = useDeleteCustomer(id, () => {
    setDeletedHere(true);
    navigate(LIST_PATH, { state: { deletedName: customer?.displayName || "The customer" } });
  });
  const live = useCustomerLive(id, !deletedHere);
  useCustomerAppointmentsLive(
    id,
    customer ? [...customer.upcomingAppointments.edges, ...customer.pastAppointments.edges].map((edge) => edge.node.id) : null,
    () => reexecute({ requestPolicy: "network-only" }),
    !deletedHere,
  );

  const back = (
    <Link to={LIST_PATH} className="back-link">
      <span aria-hidden="true">←</span> Customers
    </Link>
  );

  if (live.lastKind === "DELETED" && !deletedHere) {
    return (
      <section className="page">
        {back}
        <EmptyState title="This customer has just been deleted.">
          <p>Someone deleted the customer while the profile was open (perhaps in another tab).</p>
        </EmptyState>
      </section>
    );
  }
  if (!customer) {
    return (
      <section className="page">
        {back}
        {result.fetching ? (
          <Loading label="Loading profile…" />
        ) : result.error ? (
          <ErrorState
            title="The profile could not be loaded."
            error={result.error}
            onRetry={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : (
          <EmptyState title="Customer not found.">
            <p>
              There is no customer with this ID in your account; they may have been deleted.{" "}
              <Link to={LIST_PATH}>Back to the customer list</Link>
            </p>
          </EmptyState>
        )}
      </section>
    );
  }

  return (
    <article className="page profile" aria-labelledby="profile-title">
      {back}
      <header className="profile__header">
        <div className="profile__heading">
          <h1 id="profile-title">{customer.displayName || "(no name)"}</h1>
          {customer.nameFromEmail && <small className="muted profile__name-hint">Name guessed from the email address</small>}
          <StatusChip status={customer.communicationStatus} emailEnabled={customer.emailEnabled} smsEnabled={customer.smsEnabled} />
          {customer.isBlocked && <BookingBlockedChip />}
          {customer.archivedAt && <span className="badge badge--archived">Archived</span>}
        </div>
        <div className="profile__actions">
          <CustomerDataDownload id={customer.id} />
          <CustomerBlockActions customer={customer} />
          <CustomerActions
            editing={editing}
            onEdit={() => setEditing(true)}
            onDelete={() => deleting.ask({ keepHistory: false })}
            onErase={() => setErasing(true)}
          />
        </div>
      </header>

      {customer.isBlocked && (
        <section className="card blocked-card" aria-labelledby="blocked-title">
          <h2 id="blocked-title" className="card__title">
            Online booking blocked
          </h2>
          <p className="card__hint">This customer cannot book online. Matching rules:</p>
          <BlockRuleTable rules={customer.blockRules} label="Matching block rules" />
        </section>
      )}

      <CustomerFigures customer={customer} />

      {editing ? (
        <CustomerEditForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
        <CustomerDetails customer={customer} />
      )}

      <Tabs
        label="Customer records"
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: "appointments",
            label: `Appointments (${customer.appointments.totalCount})`,
            panel: () => (
              <AppointmentsPanel
                customer={customer}
                totalCount={customer.appointments.totalCount}
                upcoming={customer.upcomingAppointments}
                past={customer.pastAppointments}
                onChanged={() => reexecute({ requestPolicy: "network-only" })}
              />
            ),
          },
          {
            id: "messages",
            label: "Messages",
            panel: () => <CustomerMessages customer={customer} onChanged={() => reexecute({ requestPolicy: "network-only" })} />,
          },
          {
            id: "history",
            label: "History",
            panel: () => <CustomerHistory customer={customer} onChanged={() => reexecute({ requestPolicy: "network-only" })} />,
          },
        ]}
      />

      <DeleteCustomerDialog deleting={deleting} customer={customer} appointmentCount={customer.appointments.totalCount} />
      <EraseCustomerDialog
        open={erasing}
        customer={customer}
        onClose={() => setErasing(false)}
        onErased={() => {
          setDeletedHere(true);
          setErasing(false);
          navigate(LIST_PATH, { state: { deletedName: `The personal data of ${customer.displayName || "the customer"}` } });
        }}
      />
    </article>
  );
}
