// Customers: search as you type, sort, infinite scroll, total count; "Add customer".
import { useEffect, useId, useState } from "react";
import { useLocation, useSearchParams } from "react-router";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useOnVisible } from "../../../shared/hooks/useOnVisible";
import { useCan } from "../../session/hooks/useSession";
import { useCustomerList } from "../hooks/useCustomerList";
import { DEFAULT_SORT, parseSort, SORT_OPTIONS, type SortValue } from "../utils/sort";
import { AddCustomerDialog } from "./AddCustomerDialog";
import { CustomerRow } from "./CustomerRow";

export const SEARCH_DEBOUNCE_MS = 250;

export function CustomerListPage() {
  const [params, setParams] = useSearchParams();
  const [searchText, setSearchText] = useState(() => params.get("q") ?? "");
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const sort = parseSort(params.get("sort"));
  const list = useCustomerList(search, sort);
  const [adding, setAdding] = useState(false);
  const [justAdded, setJustAdded] = useState<CustomerListItemFieldsFragment[]>([]);
  const countId = useId();
  const canAdd = useCan("ADD_CUSTOMERS");
  const location = useLocation();
  const [deletedName, setDeletedName] = useState<string | null>(
    () => (location.state as { deletedName?: string } | null)?.deletedName ?? null,
  );

  // Keep ?q= and ?sort= in the address so Back from a profile returns to the same list.
  const urlSearch = params.get("q") ?? "";
  useEffect(() => {
    if (urlSearch === search) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (search) next.set("q", search);
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
    // Only a settled search changes the address (not the address changing under us).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  // The address changed by navigation (e.g. the "Customers" link): follow it.
  useEffect(() => {
    if (urlSearch !== search) setSearchText(urlSearch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlSearch]);

  const setSort = (value: SortValue) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === DEFAULT_SORT) next.delete("sort");
        else next.set("sort", value);
        return next;
      },
      { replace: true },
    );

  const sentinel = useOnVisible<HTMLDivElement>(list.loadMore, list.hasNextPage && !list.loadingMore, list.customers.length);
  const searching = searchText.trim() !== search;

  return (
    <section className="page" aria-labelledby="customers-title">
      <div className="page__header">
        <h1 id="customers-title">Customers</h1>
        {canAdd && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add customer
          </button>
        )}
      </div>

      {deletedName && (
        <div className="notice notice--success" role="status">
          <span>{deletedName} was deleted.</span>
          <button type="button" className="link-button" onClick={() => setDeletedName(null)}>
            Dismiss
          </button>
        </div>
      )}

      <div className="toolbar" role="search">
        <div className="field toolbar__search">
          <label className="field__label" htmlFor="customer-search">
            Search customers
          </label>
          <input
            id="customer-search"
            type="search"
            placeholder="Name, email, phone or company"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            aria-describedby={countId}
            autoComplete="off"
          />
        </div>
        <div className="field toolbar__sort">
          <label className="field__label" htmlFor="customer-sort">
            Sort by
          </label>
          <select id="customer-sort" value={sort} onChange={(event) => setSort(parseSort(event.target.value))}>
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p className="list-count" id={countId} aria-live="polite">
        {list.refreshing
          ? "Searching…"
          : list.totalCount === null
          ? "\u00a0"
          : search
            ? `${list.totalCount} ${list.totalCount === 1 ? "customer matches" : "customers match"} “${search}”`
            : `${list.totalCount} ${list.totalCount === 1 ? "customer" : "customers"}`}
        {searching && !list.refreshing && <span className="muted"> · searching…</span>}
      </p>

      {justAdded.length > 0 && (
        <section className="just-added" aria-labelledby="just-added-title">
          <div className="just-added__header">
            <h2 id="just-added-title">Just added</h2>
            <button type="button" className="link-button" onClick={() => setJustAdded([])}>
              Dismiss
            </button>
          </div>
          <ul className="customer-list">
            {justAdded.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} />
            ))}
          </ul>
        </section>
      )}

      {list.loading || (list.refreshing && list.customers.length === 0) ? (
        <Loading label="Loading customers…" />
      ) : list.error && list.customers.length === 0 ? (
        <ErrorState title="The customers could not be loaded." error={list.error} onRetry={list.retry} />
      ) : list.customers.length === 0 ? (
        search ? (
          <EmptyState title={`No customer matches “${search}”.`}>
            <p>Try part of the name, the email address or the phone number.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No customers yet.">
            <p>Customers appear here as calendar events come in, or add one yourself.</p>
          </EmptyState>
        )
      ) : (
        <>
          <div className="customer-list__head" aria-hidden="true">
            <span>Name</span>
            <span>Email</span>
            <span>Phone</span>
            <span>Status</span>
            <span>Next appointment</span>
          </div>
          <ul
            className={`customer-list${list.refreshing ? " customer-list--stale" : ""}`}
            aria-label="Customers"
            aria-busy={list.refreshing || undefined}
          >
            {list.customers.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} />
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
              <p className="muted">
                {list.customers.length === list.totalCount ? `All ${list.totalCount} shown.` : "End of the list."}
              </p>
            )}
          </div>
        </>
      )}

      <AddCustomerDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(customer) => {
          setAdding(false);
          setJustAdded((current) => [customer, ...current.filter((c) => c.id !== customer.id)]);
          list.reset();
        }}
      />
    </section>
  );
}
