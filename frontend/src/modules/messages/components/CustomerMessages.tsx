// The profile's Messages tab: every message to the customer, newest first (about appointments
// and written by staff), filtered by channel and state, 20 at a time with "Show older
// messages"; "Send message" (edit:customers; disabled with the reason when nothing can be
// sent) and "Resend" on failed or skipped ones. While a message waits to be sent the first page
// asks again now and then, so it turns Sent (or Failed) without a reload.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useQuery } from "urql";
import type { CustomerCommunicationsQuery, DeliveryStatus, Medium } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { formatDateTime } from "../../../shared/format/dates";
import { CommunicationRow } from "../../communications/components/CommunicationRow";
import { DELIVERY_LABEL, MEDIUM_LABEL } from "../../communications/utils/labels";
import { useCan } from "../../session/hooks/useSession";
import { CustomerCommunicationsQuery as MessagesQuery } from "../graphql/CustomerCommunicationsQuery";
import { MEDIUMS, sendBlockedReason } from "../utils/channels";
import { SendMessageDialog, type MessageCustomer } from "./SendMessageDialog";
import "./messages.css";

export const MESSAGE_PAGE = 20;
/** While the newest page has a message waiting to be sent, it is asked again this often… */
export const POLL_MS = 3000;
/** …at most this many times in a row (a minute and a half). */
export const MAX_POLLS = 30;

const STATUSES: readonly DeliveryStatus[] = ["PENDING", "SENDING", "SENT", "FAILED", "SKIPPED"];

type Page = NonNullable<CustomerCommunicationsQuery["customer"]>["communications"];
type Message = Page["edges"][number]["node"];

interface Filters {
  medium: Medium | null;
  status: DeliveryStatus | null;
}

interface Props {
  customer: MessageCustomer;
  /** After a message was sent or sent again: the profile fetches itself afresh (appointment histories). */
  onChanged?: () => void;
}

export function CustomerMessages({ customer, onChanged }: Props) {
  const canEdit = useCan("EDIT_CUSTOMERS");
  const [filters, setFilters] = useState<Filters>({ medium: null, status: null });
  const [writing, setWriting] = useState(false);
  const [notice, setNotice] = useState("");
  const reasonId = useId();
  const filterId = useId();
  const blocked = sendBlockedReason(customer);
  // The message lists fetch afresh by themselves (the cache drops them after messageSend and
  // communicationResend); the profile is asked again for its appointments' histories.
  const changed = () => onChanged?.();

  return (
    <section className="card messages" aria-labelledby="messages-title">
      <div className="card__header">
        <h2 id="messages-title" className="card__title">
          Messages
        </h2>
        {canEdit && (
          <div className="messages__send">
            <button
              type="button"
              className="button button--primary"
              disabled={blocked !== null}
              aria-describedby={blocked ? reasonId : undefined}
              onClick={() => {
                setNotice("");
                setWriting(true);
              }}
            >
              Send message
            </button>
            {blocked && (
              <p id={reasonId} className="muted messages__send-reason">
                {blocked}
              </p>
            )}
          </div>
        )}
      </div>
      <p className={notice ? "notice notice--success" : "visually-hidden"} role="status">
        {notice}
      </p>
      <div className="messages__filters" role="group" aria-label="Filter messages">
        <div className="field field--inline">
          <label className="field__label" htmlFor={`${filterId}-medium`}>
            Channel
          </label>
          <select
            id={`${filterId}-medium`}
            value={filters.medium ?? ""}
            onChange={(event) => setFilters((current) => ({ ...current, medium: (event.target.value || null) as Medium | null }))}
          >
            <option value="">All channels</option>
            {MEDIUMS.map((medium) => (
              <option key={medium} value={medium}>
                {MEDIUM_LABEL[medium]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor={`${filterId}-status`}>
            Status
          </label>
          <select
            id={`${filterId}-status`}
            value={filters.status ?? ""}
            onChange={(event) => setFilters((current) => ({ ...current, status: (event.target.value || null) as DeliveryStatus | null }))}
          >
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {DELIVERY_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <MessageList key={`${filters.medium}-${filters.status}`} customerId={customer.id} filters={filters} onResent={changed} />
      {canEdit && (
        <SendMessageDialog
          open={writing}
          customer={customer}
          onClose={() => setWriting(false)}
          onSent={(message) => {
            setWriting(false);
            setNotice(
              `Your ${message.medium === "SMS" ? "SMS" : "email"} to ${customer.displayName || "the customer"} is queued and will be sent within seconds.`,
            );
            changed();
          }}
        />
      )}
    </section>
  );
}

function MessageList({ customerId, filters, onResent }: { customerId: string; filters: Filters; onResent: () => void }) {
  // The cursors of the pages after the first.
  const [cursors, setCursors] = useState<string[]>([]);
  const filtered = filters.medium !== null || filters.status !== null;
  return (
    <MessagePage
      customerId={customerId}
      filters={filters}
      after={null}
      filtered={filtered}
      onResent={onResent}
      onMore={cursors.length === 0 ? (cursor) => setCursors([cursor]) : undefined}
    >
      {cursors.map((after, index) => (
        <MessagePage
          key={after}
          customerId={customerId}
          filters={filters}
          after={after}
          filtered={filtered}
          onResent={onResent}
          onMore={index === cursors.length - 1 ? (cursor) => setCursors((current) => [...current, cursor]) : undefined}
        />
      ))}
    </MessagePage>
  );
}

interface PageProps {
  customerId: string;
  filters: Filters;
  /** null: the newest page (which lists the later pages as its children and shows the total). */
  after: string | null;
  filtered: boolean;
  onResent: () => void;
  /** Shows "Show older messages" when there are more (the last page loaded only). */
  onMore?: (cursor: string) => void;
  children?: ReactNode;
}

function MessagePage({ customerId, filters, after, filtered, onResent, onMore, children }: PageProps) {
  const [result, reexecute] = useQuery({
    query: MessagesQuery,
    variables: { id: customerId, first: MESSAGE_PAGE, after, medium: filters.medium, status: filters.status },
    requestPolicy: "cache-and-network",
  });
  // While the page is asked again (a message was sent), the rows it had stay.
  const shown = useRef<Page | null>(null);
  const fresh = result.data?.customer?.communications;
  if (fresh) shown.current = fresh;
  const page = fresh ?? shown.current;
  usePollWhilePending(after === null ? page : null, () => reexecute({ requestPolicy: "network-only" }));

  if (!page) {
    if (result.error) {
      return <ErrorState title="The messages could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />;
    }
    if (!result.fetching && result.data) return <EmptyState title="Customer not found." />;
    return <Loading label={after ? "Loading older messages…" : "Loading messages…"} />;
  }
  const rows = (
    <ul className="communications__list messages__list" aria-label={after ? "Older messages" : "Messages"}>
      {page.edges.map(({ node }) => (
        <CommunicationRow key={node.id} message={node} context={<About message={node} />} onResent={onResent} />
      ))}
    </ul>
  );
  const more = onMore && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
    <button type="button" className="button messages__more" onClick={() => onMore(page.pageInfo.endCursor!)}>
      Show older messages
    </button>
  );
  if (after !== null) {
    return (
      <>
        {rows}
        {more}
      </>
    );
  }
  if (page.totalCount === 0) {
    return <EmptyState title={filtered ? "No messages match these filters." : "No messages yet."} />;
  }
  return (
    <>
      <p className="muted" aria-live="polite">
        {page.totalCount} {page.totalCount === 1 ? "message" : "messages"}
        {filtered ? " match" : ""}, newest first.
      </p>
      {rows}
      {children}
      {more}
    </>
  );
}

/** The appointment a message is about, under its heading line. */
function About({ message }: { message: Message }) {
  const appointment = message.appointment;
  if (!appointment) return null;
  const what = appointment.title || appointment.services.join(", ");
  return (
    <p className="message__about muted">
      About the appointment on <time dateTime={appointment.startsAt}>{formatDateTime(appointment.startsAt)}</time>
      {what ? ` – ${what}` : ""}
    </p>
  );
}

/** Asks again (`refetch`) every POLL_MS while `page` has a message waiting to be sent, MAX_POLLS times at most. */
function usePollWhilePending(page: Page | null, refetch: () => void) {
  const [polls, setPolls] = useState(0);
  const waiting = (page?.edges ?? [])
    .filter(({ node }) => node.status === "PENDING" || node.status === "SENDING")
    .map(({ node }) => node.id)
    .join(" ");
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  // Another message waiting (one just sent): a new round of asking.
  useEffect(() => setPolls(0), [waiting]);
  useEffect(() => {
    if (!waiting || polls >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      latest.current();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, polls]);
}
