// The customer list: one query per page (keyset), merged by the cache into one growing list.
import { useCallback, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import type { CustomerListItemFieldsFragment, CustomerListQuery as ListData } from "../../../gql/graphql";
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
  error: ReturnType<typeof useQuery>[0]["error"];
  loadMore: () => void;
  /** Back to the first page (after the list changed underneath, e.g. a customer was added). */
  reset: () => void;
  retry: () => void;
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

  // While a further page loads, keep showing what this list already had.
  const last = useRef<{ key: string; data: ListData } | null>(null);
  if (result.data && !result.stale) last.current = { key: listKey, data: result.data };
  const data = result.data ?? (last.current?.key === listKey ? last.current.data : undefined);

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
    totalCount: connection?.totalCount ?? null,
    hasNextPage,
    loading: !connection && fetching,
    loadingMore: Boolean(connection) && fetching,
    error: result.error,
    loadMore,
    reset,
    retry,
  };
}
