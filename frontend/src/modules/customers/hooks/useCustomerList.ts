// The customer list: one query per page (keyset), merged by the cache into one growing list.
import { useCallback, useMemo, useState } from "react";
import { useQuery } from "urql";
import type { CustomerFilter, CustomerListItemFieldsFragment, SearchMode } from "../../../gql/graphql";
import { CustomerListQuery } from "../graphql/CustomerListQuery";
import type { SearchMatchLike } from "../utils/match";
import { orderByFor, type SortValue } from "../utils/sort";

export const PAGE_SIZE = 25;

export interface CustomerListItem {
  customer: CustomerListItemFieldsFragment;
  /** What the search matched (null without a search). */
  match: SearchMatchLike | null;
}

export interface CustomerListState {
  items: CustomerListItem[];
  totalCount: number | null;
  hasNextPage: boolean;
  /** First page loading (nothing to show yet). */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The rows shown belong to the previous search, sort or filter while the new one loads. */
  refreshing: boolean;
  error: ReturnType<typeof useQuery>[0]["error"];
  /** The API's message when it refused the filter (extensions.code INVALID_FILTER). */
  invalidFilter: string | null;
  loadMore: () => void;
  /** Back to the first page (after the list changed underneath, e.g. a customer was added). */
  reset: () => void;
  retry: () => void;
}

export interface ListQuery {
  search: string;
  mode: SearchMode;
  sort: SortValue;
  filter: CustomerFilter;
  /** Wait (e.g. for the custom field definitions the filter needs). */
  pause?: boolean;
}

/** Which list (search, sort and filter, not the page) a set of variables asks for. */
function listOf(variables: Record<string, unknown> | undefined): string {
  return JSON.stringify([
    variables?.search ?? null,
    variables?.searchMode ?? null,
    variables?.orderBy ?? null,
    variables?.filter ?? null,
  ]);
}

export function useCustomerList({ search, mode, sort, filter, pause = false }: ListQuery): CustomerListState {
  const filterKey = JSON.stringify(filter);
  const listKey = JSON.stringify([search, mode, sort, filterKey]);
  const [cursor, setCursor] = useState<{ key: string; after: string | null }>({ key: listKey, after: null });
  const after = cursor.key === listKey ? cursor.after : null;

  const variables = useMemo(
    () => ({
      first: PAGE_SIZE,
      after,
      search: search || null,
      searchMode: mode,
      orderBy: orderByFor(sort),
      filter: JSON.parse(filterKey) as CustomerFilter,
    }),
    [after, search, mode, sort, filterKey],
  );
  const [result, reexecute] = useQuery({ query: CustomerListQuery, variables, pause });

  // urql keeps the previous data while new variables load; tell whether it is this list's.
  const data = result.data;
  const dataKey = result.operation ? listOf(result.operation.variables as Record<string, unknown>) : null;
  const refreshing = (Boolean(data) && dataKey !== null && dataKey !== listOf(variables)) || (pause && Boolean(data));

  const connection = data?.customers;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const fetching = result.fetching;

  const loadMore = useCallback(() => {
    if (!hasNextPage || fetching || !endCursor) return;
    setCursor({ key: listKey, after: endCursor });
  }, [hasNextPage, fetching, endCursor, listKey]);

  const reset = useCallback(() => setCursor({ key: listKey, after: null }), [listKey]);
  const retry = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);

  const invalid = result.error?.graphQLErrors.find((error) => error.extensions?.code === "INVALID_FILTER");
  const items = useMemo(
    () => connection?.edges.map((edge) => ({ customer: edge.node, match: edge.match ?? null })) ?? [],
    [connection],
  );

  return {
    items,
    totalCount: refreshing ? null : (connection?.totalCount ?? null),
    hasNextPage: hasNextPage && !refreshing,
    loading: !connection && (fetching || pause),
    loadingMore: Boolean(connection) && fetching && !refreshing,
    refreshing,
    error: result.error,
    invalidFilter: invalid ? invalid.message : null,
    loadMore,
    reset,
    retry,
  };
}
