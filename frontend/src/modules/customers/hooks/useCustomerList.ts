// The customer list: one query per page (keyset), merged by the cache into one growing list.
import { useCallback, useMemo, useState } from "react";
import { useQuery } from "urql";
import type { CustomerListItemFieldsFragment } from "../../../gql/graphql";
import { CustomerListQuery } from "../graphql/CustomerListQuery";
import { orderByFor, type SortValue } from "../utils/sort";

export const PAGE_SIZE = 25;

export interface CustomerListState {
  customers: CustomerListItemFieldsFragment[];
  totalCount: number | null;
  hasNextPage: boolean;
  /** First page loading (nothing to show yet). */
  loading: boolean;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The rows shown belong to the previous search or sort while the new one loads. */
  refreshing: boolean;
  error: ReturnType<typeof useQuery>[0]["error"];
  loadMore: () => void;
  /** Back to the first page (after the list changed underneath, e.g. a customer was added). */
  reset: () => void;
  retry: () => void;
}

/** Which list (sort and filter, not the page) a set of variables asks for. */
function orderAndFilter(variables: { orderBy?: unknown; filter?: unknown } | undefined): string {
  return JSON.stringify([variables?.orderBy ?? null, variables?.filter ?? null]);
}

export function useCustomerList(search: string, sort: SortValue): CustomerListState {
  const listKey = `${sort}\u0000${search}`;
  const [cursor, setCursor] = useState<{ key: string; after: string | null }>({ key: listKey, after: null });
  const after = cursor.key === listKey ? cursor.after : null;

  const variables = useMemo(
    () => ({
      first: PAGE_SIZE,
      after,
      orderBy: orderByFor(sort),
      filter: search ? { search } : null,
    }),
    [after, sort, search],
  );
  const [result, reexecute] = useQuery({ query: CustomerListQuery, variables });

  // urql keeps the previous data while new variables load; tell whether it is this list's.
  const data = result.data;
  const dataKey = result.operation ? orderAndFilter(result.operation.variables) : null;
  const refreshing = Boolean(data) && dataKey !== null && dataKey !== orderAndFilter(variables);

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

  return {
    customers: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: refreshing ? null : (connection?.totalCount ?? null),
    hasNextPage: hasNextPage && !refreshing,
    loading: !connection && fetching,
    loadingMore: Boolean(connection) && fetching && !refreshing,
    refreshing,
    error: result.error,
    loadMore,
    reset,
    retry,
  };
}
