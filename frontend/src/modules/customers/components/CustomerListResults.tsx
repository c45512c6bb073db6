// The customer list's main column: how many match (or "Searching…"), the refused filter, what
// was just added (children), then the rows with infinite scroll, or why there are none.
import type { ReactNode } from "react";
import type { SearchMode } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { useOnVisible } from "../../../shared/hooks/useOnVisible";
import type { CustomerListState } from "../hooks/useCustomerList";
import { CustomerRow } from "./CustomerRow";

interface Props {
  list: CustomerListState;
  search: string;
  /** The typed search has not been sent yet. */
  searching: boolean;
  mode: SearchMode;
  filtered: boolean;
  /** The filter panel shows a refused filter itself. */
  panelOpen: boolean;
  countId: string;
  /** "Add this person" when a search finds nobody (add:customers), with the search text. */
  onAddPerson?: (search: string) => void;
  children?: ReactNode;
}

export function CustomerListResults({ list, search, searching, mode, filtered, panelOpen, countId, onAddPerson, children }: Props) {
  return (
    <div className="list-layout__main">
      <p className="list-count" id={countId} aria-live="polite">
        {list.refreshing ? "Searching…" : list.totalCount === null ? "\u00a0" : countText(list.totalCount, search, filtered)}
        {searching && !list.refreshing && <span className="muted"> · searching…</span>}
      </p>

      {!panelOpen && list.invalidFilter && (
        <div className="form-errors" role="alert">
          <p className="form-errors__title">This filter cannot be applied:</p>
          <p>{list.invalidFilter}</p>
        </div>
      )}

      {children}

      {list.loading || (list.refreshing && list.items.length === 0) ? (
        <Loading label="Loading customers…" />
      ) : list.invalidFilter ? (
        <EmptyState title="No customers shown: the filter cannot be applied.">
          <p>Change or clear the filters.</p>
        </EmptyState>
      ) : list.error && list.items.length === 0 ? (
        <ErrorState title="The customers could not be loaded." error={list.error} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <NoCustomers search={search} mode={mode} filtered={filtered} onAddPerson={onAddPerson} />
      ) : (
        <CustomerRows list={list} />
      )}
    </div>
  );
}

function NoCustomers({
  search,
  mode,
  filtered,
  onAddPerson,
}: {
  search: string;
  mode: SearchMode;
  filtered: boolean;
  onAddPerson?: (search: string) => void;
}) {
  if (search) {
    return (
      <EmptyState title={`No customer matches “${search}”.`}>
        <p>
          {mode === "FULL_TEXT"
            ? "Try part of the name, the email address, the phone number or a word from the notes."
            : "Try part of the name, the email address or the phone number, or tick Full text."}
        </p>
        {onAddPerson && (
          <p>
            <button type="button" className="button button--primary" onClick={() => onAddPerson(search)}>
              Add this person
            </button>
          </p>
        )}
      </EmptyState>
    );
  }
  return filtered ? (
    <EmptyState title="No customer matches these filters.">
      <p>Change or clear the filters.</p>
    </EmptyState>
  ) : (
    <EmptyState title="No customers yet.">
      <p>Customers appear here as calendar events come in, or add one yourself.</p>
    </EmptyState>
  );
}

function CustomerRows({ list }: { list: CustomerListState }) {
  const sentinel = useOnVisible<HTMLDivElement>(list.loadMore, list.hasNextPage && !list.loadingMore, list.items.length);
  return (
    <>
      <div className="customer-list__head" aria-hidden="true">
        <span>Name</span>
        <span>Email</span>
        <span>Phone</span>
        <span>Messages · booking</span>
        <span>Last visit</span>
        <span>Next appointment</span>
      </div>
      <ul className={`customer-list${list.refreshing ? " customer-list--stale" : ""}`} aria-label="Customers" aria-busy={list.refreshing || undefined}>
        {list.items.map(({ customer, match }) => (
          <CustomerRow key={customer.id} customer={customer} match={match} />
        ))}
      </ul>
      <div ref={sentinel} className="list-end">
        {list.error ? (
          <ErrorState title="More customers could not be loaded." error={list.error} onRetry={list.retry} />
        ) : list.hasNextPage ? (
          <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
            {list.loadingMore ? "Loading more…" : "Load more"}
          </button>
        ) : (
          <p className="muted">{list.items.length === list.totalCount ? `All ${list.totalCount} shown.` : "End of the list."}</p>
        )}
      </div>
    </>
  );
}

function countText(total: number, search: string, filtered: boolean): string {
  if (search) return `${total} ${total === 1 ? "customer matches" : "customers match"} “${search}”`;
  if (filtered) return `${total} ${total === 1 ? "customer matches" : "customers match"} the filters`;
  return `${total} ${total === 1 ? "customer" : "customers"}`;
}
