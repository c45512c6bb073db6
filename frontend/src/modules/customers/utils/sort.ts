import type { CustomerOrderBy } from "../../../gql/graphql";

/** The list's sort choices, as they appear in the URL (?sort=…) and the select. */
export const SORT_OPTIONS = [
  { value: "name-asc", label: "Name (A–Z)", orderBy: { field: "NAME", direction: "ASC" } },
  { value: "name-desc", label: "Name (Z–A)", orderBy: { field: "NAME", direction: "DESC" } },
  { value: "created-desc", label: "Newest first", orderBy: { field: "CREATED_AT", direction: "DESC" } },
  { value: "created-asc", label: "Oldest first", orderBy: { field: "CREATED_AT", direction: "ASC" } },
  { value: "updated-desc", label: "Recently updated", orderBy: { field: "UPDATED_AT", direction: "DESC" } },
  { value: "updated-asc", label: "Least recently updated", orderBy: { field: "UPDATED_AT", direction: "ASC" } },
] as const satisfies readonly { value: string; label: string; orderBy: CustomerOrderBy }[];

export type SortValue = (typeof SORT_OPTIONS)[number]["value"];
export const DEFAULT_SORT: SortValue = "name-asc";

export function parseSort(value: string | null): SortValue {
  return SORT_OPTIONS.some((option) => option.value === value) ? (value as SortValue) : DEFAULT_SORT;
}

export function orderByFor(sort: SortValue): CustomerOrderBy {
  const option = SORT_OPTIONS.find((o) => o.value === sort) ?? SORT_OPTIONS[0];
  return { ...option.orderBy };
}
