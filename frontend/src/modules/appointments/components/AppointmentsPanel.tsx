// The profile's Appointments tab. Upcoming (soonest first) and Past (newest first, or oldest
// first) are separate lists from the API (appointments(when: UPCOMING | PAST)), so what is
// upcoming shows however long the history is; each says how many of how many it shows and loads
// more on demand ("Show later" / "Show older"), never a silent cap. Each row carries the staff's
// actions; "New appointment" books one for this customer.
import { useEffect, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import type { AppointmentPageFieldsFragment, AppointmentWhen, SortDirection } from "../../../gql/graphql";
import { ErrorState } from "../../../shared/components/States";
import { useCan } from "../../session/hooks/useSession";
import { CustomerAppointmentsPageQuery } from "../graphql/CustomerAppointmentsPageQuery";
import { useAppointmentActions, type AppointmentActions } from "../hooks/useAppointmentActions";
import { AppointmentActionButtons } from "./AppointmentActionButtons";
import { AppointmentActionDialogs } from "./AppointmentActionDialogs";
import { AppointmentRow } from "./AppointmentRow";
import { NewAppointmentDialog } from "./NewAppointmentDialog";

/** Page size of the profile's lists (the profile's query brings the first page of each). */
export const APPOINTMENT_PAGE = 50;

type Page = AppointmentPageFieldsFragment;

interface Props {
  customer: { id: string; displayName: string };
  totalCount: number;
  upcoming: Page;
  /** The newest past appointments (the default order). */
  past: Page;
  /** After an appointment was made or changed: the profile fetches itself afresh (figures, lists). */
  onChanged: () => void;
}

export function AppointmentsPanel({ customer, totalCount, upcoming, past, onChanged }: Props) {
  const canAdd = useCan("ADD_CUSTOMERS");
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Pages loaded with "Show more" start again after a change (the lists have moved).
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const actions = useAppointmentActions({ onDone: changed });
  const [pastOrder, setPastOrder] = useState<SortDirection>("DESC");

  return (
    <section className="card appointments" aria-labelledby="appointments-title">
      <div className="card__header">
        <h2 id="appointments-title" className="card__title">
          Appointments <span className="muted">({totalCount})</span>
        </h2>
        {canAdd && (
          <button type="button" className="button button--primary" onClick={() => { setNotice(null); setAdding(true); }}>
            New appointment
          </button>
        )}
      </div>
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      <AppointmentSection
        key={`upcoming-${version}`}
        customerId={customer.id}
        title="Upcoming"
        when="UPCOMING"
        direction="ASC"
        firstPage={upcoming}
        empty="Nothing upcoming."
        moreLabel="Show later appointments"
        actions={actions}
        onMessagesChanged={onChanged}
      />
      <AppointmentSection
        key={`past-${pastOrder}-${version}`}
        customerId={customer.id}
        title="Past"
        when="PAST"
        direction={pastOrder}
        firstPage={pastOrder === "DESC" ? past : null}
        empty="No past appointments."
        moreLabel={pastOrder === "DESC" ? "Show older appointments" : "Show later appointments"}
        actions={actions}
        onMessagesChanged={onChanged}
        order={
          <div className="field field--inline appointments__order">
            <label className="field__label" htmlFor={`${customer.id}-past-order`}>
              Order
            </label>
            <select id={`${customer.id}-past-order`} value={pastOrder} onChange={(event) => setPastOrder(event.target.value as SortDirection)}>
              <option value="DESC">Newest first</option>
              <option value="ASC">Oldest first</option>
            </select>
          </div>
        }
      />
      <AppointmentActionDialogs actions={actions} />
      <NewAppointmentDialog
        open={adding}
        customer={customer}
        onClose={() => setAdding(false)}
        onCreated={(blocked) => {
          setAdding(false);
          changed();
          setNotice(
            blocked
              ? "Appointment booked. Note: this customer is blocked from booking online."
              : "Appointment booked.",
          );
        }}
      />
    </section>
  );
}

interface PageState {
  count: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

interface SectionProps {
  customerId: string;
  title: string;
  when: AppointmentWhen;
  direction: SortDirection;
  /** The first page when the profile's query brought it; otherwise it is fetched here. */
  firstPage: Page | null;
  empty: string;
  moreLabel: string;
  actions: AppointmentActions;
  /** A message was sent again: the profile fetches itself afresh. */
  onMessagesChanged: () => void;
  order?: ReactNode;
}

function AppointmentSection({ customerId, title, when, direction, firstPage, empty, moreLabel, actions, onMessagesChanged, order }: SectionProps) {
  // The cursors of the pages after the first ("" = the first page, fetched here).
  const [cursors, setCursors] = useState<string[]>(firstPage ? [] : [""]);
  const [pages, setPages] = useState<Record<string, PageState>>({});
  const first: PageState | null = firstPage
    ? { count: firstPage.edges.length, totalCount: firstPage.totalCount, hasNextPage: firstPage.pageInfo.hasNextPage, endCursor: firstPage.pageInfo.endCursor }
    : (pages[""] ?? null);
  const last = cursors.length ? pages[cursors[cursors.length - 1]] : first;
  const shown = (firstPage ? firstPage.edges.length : 0) + cursors.reduce((sum, cursor) => sum + (pages[cursor]?.count ?? 0), 0);
  const total = first?.totalCount ?? null;
  const headingId = `${customerId}-${when}-title`;

  return (
    <div className="appointments__section">
      <div className="appointments__section-header">
        <h3 className="appointments__section-title" id={headingId}>
          {title} <span className="muted">({total ?? "…"})</span>
        </h3>
        {order}
      </div>
      {total === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="appointments__list" aria-label={`${title} appointments`}>
          {firstPage?.edges.map(({ node }) => (
            <AppointmentRow
              key={node.id}
              appointment={node}
              actions={<AppointmentActionButtons appointment={node} actions={actions} />}
              onMessagesChanged={onMessagesChanged}
            />
          ))}
          {cursors.map((after) => (
            <MorePage
              key={after}
              customerId={customerId}
              when={when}
              direction={direction}
              after={after}
              actions={actions}
              onMessagesChanged={onMessagesChanged}
              onPage={(page) => setPages((current) => ({ ...current, [after]: page }))}
            />
          ))}
        </ol>
      )}
      {total !== null && total > 0 && (
        <div className="appointments__more">
          <p className="muted" aria-live="polite">
            Showing {shown} of {total}.
          </p>
          {last?.hasNextPage && last.endCursor && (
            <button type="button" className="button" onClick={() => setCursors((current) => [...current, last.endCursor!])}>
              {moreLabel}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** One further page of a section: its rows (list items), reported upwards for the count and cursor. */
function MorePage({
  customerId,
  when,
  direction,
  after,
  actions,
  onMessagesChanged,
  onPage,
}: {
  customerId: string;
  when: AppointmentWhen;
  direction: SortDirection;
  after: string;
  actions: AppointmentActions;
  onMessagesChanged: () => void;
  onPage: (page: PageState) => void;
}) {
  const [result, reexecute] = useQuery({
    query: CustomerAppointmentsPageQuery,
    variables: { id: customerId, when, direction, first: APPOINTMENT_PAGE, after: after || null },
    requestPolicy: "cache-and-network",
  });
  const page = result.data?.customer?.appointments;
  useEffect(() => {
    if (page) onPage({ count: page.edges.length, totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor });
    // onPage is a new function each render; the page is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page]);
  if (!page) {
    return (
      <li className="appointments__loading">
        {result.error ? (
          <ErrorState title="These appointments could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <span role="status">Loading appointments…</span>
        )}
      </li>
    );
  }
  return (
    <>
      {page.edges.map(({ node }) => (
        <AppointmentRow
          key={node.id}
          appointment={node}
          actions={<AppointmentActionButtons appointment={node} actions={actions} />}
          onMessagesChanged={onMessagesChanged}
        />
      ))}
    </>
  );
}
