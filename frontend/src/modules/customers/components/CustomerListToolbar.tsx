// The customer list's search bar: search box, "Full text", sort, the filter panel's toggle,
// "Clear filters" and "Export" (export:customers).
import type { CustomerListParams } from "../hooks/useCustomerListParams";
import { filtersFromParams } from "../utils/filters";
import { parseSort, sortOptions } from "../utils/sort";
import { ExportCustomersButton } from "./ExportCustomersDialog";

interface Props {
  list: CustomerListParams;
  /** The element that says how many customers match (described by the search box). */
  countId: string;
  panelId: string;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

export function CustomerListToolbar({ list, countId, panelId, panelOpen, onTogglePanel }: Props) {
  const { mode, search, sort, filterCount } = list;
  const filtered = filterCount > 0;
  return (
    <div className="toolbar" role="search">
      <div className="field toolbar__search">
        <label className="field__label" htmlFor="customer-search">
          Search customers
        </label>
        <input
          id="customer-search"
          type="search"
          placeholder={mode === "FULL_TEXT" ? "Also notes, address and custom fields" : "Name, email, phone or company"}
          value={list.searchText}
          onChange={(event) => list.setSearchText(event.target.value)}
          aria-describedby={countId}
          autoComplete="off"
        />
      </div>
      <div className="field field--checkbox toolbar__mode">
        <input id="customer-search-full" type="checkbox" checked={mode === "FULL_TEXT"} onChange={(event) => list.setMode(event.target.checked)} />
        <label htmlFor="customer-search-full">Full text</label>
      </div>
      <div className="field toolbar__sort">
        <label className="field__label" htmlFor="customer-sort">
          Sort by
        </label>
        <select id="customer-sort" value={sort} onChange={(event) => list.setSort(parseSort(event.target.value, search !== ""))}>
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
        onClick={onTogglePanel}
      >
        Filters{filtered ? ` (${filterCount})` : ""}
      </button>
      {filtered && (
        <button type="button" className="link-button" onClick={() => list.setFilters(filtersFromParams(new URLSearchParams()))}>
          Clear filters
        </button>
      )}
      <ExportCustomersButton list={list} />
    </div>
  );
}
