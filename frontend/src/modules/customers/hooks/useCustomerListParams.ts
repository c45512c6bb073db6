// What the customer list shows, kept in the address: ?q= (the search, debounced while typing),
// &mode=full, &sort=, and the filters (utils/filters.ts). Setters replace the history entry.
import { useEffect, useMemo, useState } from "react";
import type { SearchMode } from "../../../gql/graphql";
import { useDebouncedValue } from "../../../shared/hooks/useDebouncedValue";
import { useImmediateSearchParams } from "../../../shared/hooks/useImmediateSearchParams";
import { countFilters, filtersFromParams, paramsWithFilters, type ListFilters } from "../utils/filters";
import { defaultSort, parseSort, type SortValue } from "../utils/sort";

export const SEARCH_DEBOUNCE_MS = 200;

export function useCustomerListParams() {
  const [params, setParams] = useImmediateSearchParams();
  const [searchText, setSearchText] = useState(() => params.get("q") ?? "");
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const mode: SearchMode = params.get("mode") === "full" ? "FULL_TEXT" : "IDENTITY";
  const sort = parseSort(params.get("sort"), search !== "");
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterCount = countFilters(filters);

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

  return {
    /** What is typed; `search` follows it once typing pauses. */
    searchText,
    setSearchText,
    search,
    searching: searchText.trim() !== search,
    mode,
    setMode: (full: boolean) =>
      update((next) => {
        if (full) next.set("mode", "full");
        else next.delete("mode");
      }),
    sort,
    setSort: (value: SortValue) =>
      update((next) => {
        if (value === defaultSort(search !== "")) next.delete("sort");
        else next.set("sort", value);
      }),
    filters,
    filterCount,
    setFilters: (value: ListFilters) => update((next) => paramsWithFilters(next, value)),
  };
}

export type CustomerListParams = ReturnType<typeof useCustomerListParams>;
