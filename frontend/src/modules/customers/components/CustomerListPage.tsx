// Customers: search as you type (matched value highlighted), "Full text" toggle, sort, filter
// panel (custom fields too), infinite scroll, total count; "Add customer". Search, sort and
// filters live in the address (?q=, &mode=full, &sort=, filters: utils/filters.ts).
import { useEffect, useId, useMemo, useState } from "react";
import { useLocation } from "react-router";
import { useImmediateSearchParams } from "../../../shared/hooks/useImmediateSearchParams";
import { useQuery } from "urql";
import type { CustomerListItemFieldsFragment, SearchMode } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useOnVisible } from "../../../shared/hooks/useOnVisible";
import { useCan } from "../../session/hooks/useSession";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import { useCustomerList } from "../hooks/useCustomerList";
import { countFilters, filterInput, filtersFromParams, paramsWithFilters, type ListFilters } from "../utils/filters";
import { defaultSort, parseSort, sortOptions, type SortValue } from "../utils/sort";
import { AddCustomerDialog } from "./AddCustomerDialog";
import { CustomerRow } from "./CustomerRow";
import { FilterPanel } from "./FilterPanel";

export const SEARCH_DEBOUNCE_MS = 200;
/** Filters (a number or text typed into the panel) settle a little before the list follows. */
const FILTER_DEBOUNCE_MS = 200;

export function CustomerListPage() {
  const [params, setParams] = useImmediateSearchParams();
  const [searchText, setSearchText] = useState(() => params.get("q") ?? "");
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const mode: SearchMode = params.get("mode") === "full" ? "FULL_TEXT" : "IDENTITY";
  const sort = parseSort(params.get("sort"), search !== "");
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterCount = countFilters(filters);
  const hasCustomFilters = Object.keys(filters.custom).length > 0;
  const [panelOpen, setPanelOpen] = useState(() => filterCount > 0);
  const panelId = useId();

  // The custom field definitions: for the panel's controls and to type a custom filter.
  const [definitionsResult] = useQuery({
    query: CustomFieldDefinitionsQuery,
    variables: { includeArchived: false },
    pause: !panelOpen && !hasCustomFilters,
  });
  const definitions = definitionsResult.data?.customFieldDefinitions;
  const waitingForDefinitions = hasCustomFilters && !definitions && !definitionsResult.error;
  const settledFilters = useDebouncedValue(filters, FILTER_DEBOUNCE_MS);
  const filter = useMemo(() => filterInput(settledFilters, definitions ?? []), [settledFilters, definitions]);

  const list = useCustomerList({ search, mode, sort, filter, pause: waitingForDefinitions });
  const [adding, setAdding] = useState(false);
  const [justAdded, setJustAdded] = useState<CustomerListItemFieldsFragment[]>([]);
  const countId = useId();
  const canAdd = useCan("ADD_CUSTOMERS");
  const location = useLocation();
  const [deletedName, setDeletedName] = useState<string | null>(
    () => (location.state as { deletedName?: string } | null)?.deletedName ?? null,
  );

  const update = (change: (next: URLSearchParams) => URLSearchParams | void) =>
    setParams((next) => change(next) ?? next, { replace: true });

  // Keep ?q= in the address so Back from a profile returns to the same list.
  const urlSearch = params.get("q") ?? "";
  useEffect(() => {
    if (urlSearch === search) return;
    update((next) => {
      if (search) next.set("q", search);
      else next.delete("q");
    });
    // Only a settled search changes the address (not the address changing under us).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  // The address changed by navigation (e.g. the "Customers" link): follow it.
  useEffect(() => {
    if (urlSearch !== search) setSearchText(urlSearch);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlSearch]);

  const setSort = (value: SortValue) =>
    update((next) => {
      if (value === defaultSort(search !== "")) next.delete("sort");
      else next.set("sort", value);
    });
  const setMode = (full: boolean) =>
    update((next) => {
      if (full) next.set("mode", "full");
      else next.delete("mode");
    });
  const setFilters = (value: ListFilters) => update((next) => paramsWithFilters(next, value));

  const sentinel = useOnVisible<HTMLDivElement>(list.loadMore, list.hasNextPage && !list.loadingMore, list.items.length);
  const searching = searchText.trim() !== search;
  const filtered = filterCount > 0;

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
            placeholder={mode === "FULL_TEXT" ? "Also notes, address and custom fields" : "Name, email, phone or company"}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            aria-describedby={countId}
            autoComplete="off"
          />
        </div>
        <div className="field field--checkbox toolbar__mode">
          <input id="customer-search-full" type="checkbox" checked={mode === "FULL_TEXT"} onChange={(event) => setMode(event.target.checked)} />
          <label htmlFor="customer-search-full">Full text</label>
        </div>
        <div className="field toolbar__sort">
          <label className="field__label" htmlFor="customer-sort">
            Sort by
          </label>
          <select id="customer-sort" value={sort} onChange={(event) => setSort(parseSort(event.target.value, search !== ""))}>
            {sortOptions(search !== "").map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={`button toolbar__filters${filtered ? " button--active" : ""}`}
          aria-expanded={panelOpen}
          aria-controls={panelId}
          onClick={() => setPanelOpen((open) => !open)}
        >
          Filters{filtered ? ` (${filterCount})` : ""}
        </button>
        {filtered && (
          <button type="button" className="link-button" onClick={() => setFilters(filtersFromParams(new URLSearchParams()))}>
            Clear filters
          </button>
        )}
      </div>

      <div className={`list-layout${panelOpen ? " list-layout--with-panel" : ""}`}>
        {panelOpen && (
          <FilterPanel
            id={panelId}
            filters={filters}
            definitions={definitions}
            definitionsError={Boolean(definitionsResult.error)}
            onChange={setFilters}
            invalidFilter={list.invalidFilter}
          />
        )}
        <div className="list-layout__main">
          <p className="list-count" id={countId} aria-live="polite">
            {list.refreshing
              ? "Searching…"
              : list.totalCount === null
                ? "\u00a0"
                : countText(list.totalCount, search, filtered)}
            {searching && !list.refreshing && <span className="muted"> · searching…</span>}
          </p>

          {!panelOpen && list.invalidFilter && (
            <div className="form-errors" role="alert">
              <p className="form-errors__title">This filter cannot be applied:</p>
              <p>{list.invalidFilter}</p>
            </div>
          )}

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

          {list.loading || (list.refreshing && list.items.length === 0) ? (
            <Loading label="Loading customers…" />
          ) : list.invalidFilter ? (
            <EmptyState title="No customers shown: the filter cannot be applied.">
              <p>Change or clear the filters.</p>
            </EmptyState>
          ) : list.error && list.items.length === 0 ? (
            <ErrorState title="The customers could not be loaded." error={list.error} onRetry={list.retry} />
          ) : list.items.length === 0 ? (
            search ? (
              <EmptyState title={`No customer matches “${search}”.`}>
                <p>
                  {mode === "FULL_TEXT"
                    ? "Try part of the name, the email address, the phone number or a word from the notes."
                    : "Try part of the name, the email address or the phone number, or tick Full text."}
                </p>
              </EmptyState>
            ) : filtered ? (
              <EmptyState title="No customer matches these filters.">
                <p>Change or clear the filters.</p>
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
                  <p className="muted">
                    {list.items.length === list.totalCount ? `All ${list.totalCount} shown.` : "End of the list."}
                  </p>
                )}
              </div>
            </>
          )}
        </div>
      </div>

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

function countText(total: number, search: string, filtered: boolean): string {
  if (search) return `${total} ${total === 1 ? "customer matches" : "customers match"} “${search}”`;
  if (filtered) return `${total} ${total === 1 ? "customer matches" : "customers match"} the filters`;
  return `${total} ${total === 1 ? "customer" : "customers"}`;
}
