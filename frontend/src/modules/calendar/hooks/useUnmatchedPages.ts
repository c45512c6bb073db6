// The unmatched appointments page by page: "Show more" adds the page after the last one's
// endCursor. Every loaded page stays a live query (the cache refetches them all when a sync
// finishes or an appointment is linked); the rows are their concatenation, each appointment once
// (a refetched first page may now hold rows of the second).
import { useEffect, useRef, useState } from "react";
import { useClient, type CombinedError, type OperationResult } from "urql";
import type { AppointmentFieldsFragment, UnmatchedAppointmentsQuery } from "../../../gql/graphql";
import { UnmatchedAppointmentsQuery as Query } from "../graphql/UnmatchedAppointmentsQuery";

export const UNMATCHED_PAGE = 50;

type Connection = UnmatchedAppointmentsQuery["unmatchedAppointments"];
type Result = OperationResult<UnmatchedAppointmentsQuery>;

export interface UnmatchedPages {
  rows: AppointmentFieldsFragment[];
  /** The first page's answer: a new object whenever the server answered afresh. */
  first: Connection | undefined;
  /** The first page failed (nothing to show). */
  error: CombinedError | undefined;
  /** A further page failed. */
  moreError: CombinedError | undefined;
  loadingMore: boolean;
  hasMore: boolean;
  showMore: () => void;
  /** Asks the server again for every page shown (the cache answers the pages' queries). */
  refresh: () => void;
}

export function useUnmatchedPages(pageSize = UNMATCHED_PAGE): UnmatchedPages {
  const client = useClient();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [results, setResults] = useState<ReadonlyMap<string | null, Result>>(new Map());
  const subscriptions = useRef(new Map<string | null, { unsubscribe: () => void }>());

  useEffect(() => {
    for (const after of cursors) {
      if (subscriptions.current.has(after)) continue;
      const subscription = client
        .query(Query, { first: pageSize, after })
        .subscribe((result) => setResults((current) => new Map(current).set(after, result)));
      subscriptions.current.set(after, subscription);
    }
  }, [client, cursors, pageSize]);

  useEffect(() => {
    const open = subscriptions.current;
    return () => {
      open.forEach((subscription) => subscription.unsubscribe());
      open.clear();
    };
  }, [client]);

  const pages = cursors.map((after) => results.get(after));
  const seen = new Set<string>();
  const rows: AppointmentFieldsFragment[] = [];
  for (const page of pages) {
    for (const { node } of page?.data?.unmatchedAppointments.edges ?? []) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      rows.push(node);
    }
  }
  const last = pages[pages.length - 1];
  const lastPage = last?.data?.unmatchedAppointments;
  const more = pages.slice(1).find((page) => page?.error && !page.data);

  const ask = (after: string | null) => client.query(Query, { first: pageSize, after }, { requestPolicy: "network-only" }).toPromise();

  return {
    rows,
    first: pages[0]?.data?.unmatchedAppointments,
    error: pages[0]?.data ? undefined : pages[0]?.error,
    moreError: more?.error,
    loadingMore: cursors.length > 1 && !lastPage && !last?.error,
    hasMore: Boolean(lastPage?.pageInfo.hasNextPage && lastPage.pageInfo.endCursor),
    showMore: () => {
      const next = lastPage?.pageInfo.endCursor;
      if (next && !cursors.includes(next)) setCursors([...cursors, next]);
    },
    refresh: () => cursors.forEach((after) => void ask(after)),
  };
}
