// Customers: search as you type (matched value highlighted), "Full text" toggle, sort, filter
// panel (custom fields too), infinite scroll, total count; "Add customer". Search, sort and
// filters live in the address (hooks/useCustomerListParams.ts, filters: utils/filters.ts).
import { useEffect, useId, useMemo, useState } from "react";
import { useLocation } from "react-router";
import { useQuery } from "urql";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useCan } from "../../session/hooks/useSession";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import { useCustomerList } from "../hooks/useCustomerList";
import { useCustomerListParams } from "../hooks/useCustomerListParams";
import type { NewCustomerValues } from "../utils/customerForm";
import { filterInput } from "../utils/filters";
import { personFromSearch } from "../utils/personFromSearch";
import { AddCustomerDialog } from "./AddCustomerDialog";
import { CustomerListResults } from "./CustomerListResults";
import { CustomerListToolbar } from "./CustomerListToolbar";
import { CustomerRow } from "./CustomerRow";
import { FilterPanel } from "./FilterPanel";

export { SEARCH_DEBOUNCE_MS } from "../hooks/useCustomerListParams";

/** The layout's phone width (the filter panel is a drawer there; see app.css). */
export function isPhoneWidth(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(max-width: 760px)").matches;
}
/** Filters (a number or text typed into the panel) settle a little before the list follows. */
const FILTER_DEBOUNCE_MS = 200;

export function CustomerListPage() {
  const params = useCustomerListParams();
  const { search, mode, sort, filters, filterCount } = params;
  const hasCustomFilters = Object.keys(filters.custom).length > 0;
  // At phone width the panel is a drawer over the results, so it starts closed there.
  const [panelOpen, setPanelOpen] = useState(() => filterCount > 0 && !isPhoneWidth());
  const panelId = useId();
  // The drawer covers the results: focus moves into it when it opens.
  useEffect(() => {
    if (panelOpen && isPhoneWidth()) document.getElementById(panelId)?.querySelector<HTMLElement>("select, input, button")?.focus();
  }, [panelOpen, panelId]);

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
  const [addInitial, setAddInitial] = useState<NewCustomerValues | undefined>(undefined);
  const [justAdded, setJustAdded] = useState<CustomerListItemFieldsFragment[]>([]);
  const countId = useId();
  const canAdd = useCan("ADD_CUSTOMERS");
  const location = useLocation();
  const [deletedName, setDeletedName] = useState<string | null>(
    () => (location.state as { deletedName?: string } | null)?.deletedName ?? null,
  );

  return (
    <section className="page" aria-labelledby="customers-title">
      <div className="page__header">
        <h1 id="customers-title">Customers</h1>
        {canAdd && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setAddInitial(undefined);
              setAdding(true);
            }}
          >
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

      <CustomerListToolbar list={params} countId={countId} panelId={panelId} panelOpen={panelOpen} onTogglePanel={() => setPanelOpen((open) => !open)} />

      <div className={`list-layout${panelOpen ? " list-layout--with-panel" : ""}`}>
        {panelOpen && (
          <button type="button" className="filter-backdrop" tabIndex={-1} aria-hidden="true" onClick={() => setPanelOpen(false)} />
        )}
        {panelOpen && (
          <FilterPanel
            onClose={() => {
              setPanelOpen(false);
              document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(panelId)}"]`)?.focus();
            }}
            id={panelId}
            filters={filters}
            definitions={definitions}
            definitionsError={Boolean(definitionsResult.error)}
            onChange={params.setFilters}
            invalidFilter={list.invalidFilter}
          />
        )}
        <CustomerListResults list={list} search={search} searching={params.searching} mode={mode} filtered={filterCount > 0} panelOpen={panelOpen}
          countId={countId}
          onAddPerson={
            canAdd
              ? (text) => {
                  setAddInitial(personFromSearch(text));
                  setAdding(true);
                }
              : undefined
          }
        >
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
        </CustomerListResults>
      </div>

      <AddCustomerDialog
        open={adding}
        initial={addInitial}
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
