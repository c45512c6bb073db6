import type { CustomerOrderBy } from "../../../gql/graphql";

/** The list's sort choices, as they appear in the URL (?sort=…) and the select. */
export const SORT_OPTIONS = [
  { value: "relevance", label: "Relevance", orderBy: null },
  { value: "name-asc", label: "Name (A–Z)", orderBy: { field: "NAME", direction: "ASC" } },
  { value: "name-desc", label: "Name (Z–A)", orderBy: { field: "NAME", direction: "DESC" } },
  { value: "created-desc", label: "Newest first", orderBy: { field: "CREATED_AT", direction: "DESC" } },
  { value: "created-asc", label: "Oldest first", orderBy: { field: "CREATED_AT", direction: "ASC" } },
  { value: "last-desc", label: "Last appointment (latest first)", orderBy: { field: "LAST_APPOINTMENT", direction: "DESC" } },
  { value: "last-asc", label: "Last appointment (earliest first)", orderBy: { field: "LAST_APPOINTMENT", direction: "ASC" } },
  { value: "visit-desc", label: "Last visit (latest first)", orderBy: { field: "LAST_VISIT", direction: "DESC" } },
  { value: "visit-asc", label: "Last visit (earliest first)", orderBy: { field: "LAST_VISIT", direction: "ASC" } },
  { value: "next-asc", label: "Next appointment (soonest first)", orderBy: { field: "NEXT_APPOINTMENT", direction: "ASC" } },
  { value: "next-desc", label: "Next appointment (latest first)", orderBy: { field: "NEXT_APPOINTMENT", direction: "DESC" } },
  { value: "updated-desc", label: "Recently updated", orderBy: { field: "UPDATED_AT", direction: "DESC" } },
  { value: "updated-asc", label: "Least recently updated", orderBy: { field: "UPDATED_AT", direction: "ASC" } },
] as const satisfies readonly { value: string; label: string; orderBy: CustomerOrderBy | null }[];

export type SortValue = (typeof SORT_OPTIONS)[number]["value"];

/** Relevance while searching, by name otherwise. */
export function defaultSort(searching: boolean): SortValue {
  return searching ? "relevance" : "name-asc";
}

/** The choices offered: Relevance only while searching. */
export function sortOptions(searching: boolean) {
  return SORT_OPTIONS.filter((option) => searching || option.value !== "relevance");
}

export function parseSort(value: string | null, searching = false): SortValue {
  return sortOptions(searching).some((option) => option.value === value) ? (value as SortValue) : defaultSort(searching);
}

/** null: the API's default (relevance with a search, name without). */
export function orderByFor(sort: SortValue): CustomerOrderBy | null {
  const option = SORT_OPTIONS.find((o) => o.value === sort) ?? SORT_OPTIONS[1];
  return option.orderBy ? { ...option.orderBy } : null;
}
