// A customer's history, newest first: when, who, what, and each change as field: from → to.
// The first page comes with the profile's query; "Show older entries" asks for the next ones.
// A MERGED entry offers "Unmerge" (UnmergeAction); `onChanged` refetches the profile after it.
import { useState } from "react";
import { useQuery } from "urql";
import type { AuditEntryFieldsFragment, CustomerHistoryFieldsFragment } from "../../../gql/graphql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { formatDateTime } from "../../../shared/format/dates";
import { CustomerHistoryPageQuery } from "../graphql/CustomerHistoryPageQuery";
import { ACTION_LABEL, fieldLabel, formatJsonValue } from "../utils/formatChange";
import { entryMergeUuid } from "../../duplicates/utils/mergeIds";
import { UnmergeAction } from "./UnmergeAction";

export function CustomerHistory({ customer, onChanged }: { customer: CustomerHistoryFieldsFragment; onChanged?: () => void }) {
  const { history } = customer;
  const [cursors, setCursors] = useState<string[]>([]);
  const undone = undoneMerges(history.edges.map((edge) => edge.node));
  const actions = { undone, onChanged };
  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 id="history-title" className="card__title">
        Change history
      </h2>
      {history.totalCount === 0 ? <EmptyState title="No history yet." /> : <>
      <p className="muted">
        {history.totalCount} {history.totalCount === 1 ? "entry" : "entries"}, newest first.
      </p>
      <HistoryEntries entries={history.edges.map((edge) => edge.node)} {...actions} />
      {cursors.map((after, index) => (
        <HistoryPage
          key={after}
          id={customer.id}
          after={after}
          isLast={index === cursors.length - 1}
          {...actions}
          onMore={(next) => setCursors((current) => [...current, next])}
        />
      ))}
      {cursors.length === 0 && history.pageInfo.hasNextPage && history.pageInfo.endCursor && (
        <MoreButton onClick={() => setCursors([history.pageInfo.endCursor!])} />
      )}
      </>}
    </section>
  );
}

function MoreButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button history__more" onClick={onClick}>
      Show older entries
    </button>
  );
}

type EntryActions = { undone: ReadonlySet<string>; onChanged?: () => void };

/** The merges an UNMERGED entry among `entries` names (their MERGED entries offer no Unmerge). */
function undoneMerges(entries: AuditEntryFieldsFragment[]): Set<string> {
  const undone = new Set<string>();
  for (const entry of entries) {
    const uuid = entry.action === "UNMERGED" ? entryMergeUuid(entry) : null;
    if (uuid) undone.add(uuid);
  }
  return undone;
}

function HistoryPage({
  id,
  after,
  isLast,
  onMore,
  undone,
  onChanged,
}: EntryActions & {
  id: string;
  after: string;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const [result, reexecute] = useQuery({ query: CustomerHistoryPageQuery, variables: { id, after } });
  const page = result.data?.customer?.history;
  if (!page) {
    return result.error ? (
      <ErrorState title="Older entries could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
    ) : (
      <Loading label="Loading older entries…" />
    );
  }
  return (
    <>
      <HistoryEntries entries={page.edges.map((edge) => edge.node)} undone={new Set([...undone, ...undoneMerges(page.edges.map((edge) => edge.node))])} onChanged={onChanged} />
      {isLast && page.pageInfo.hasNextPage && page.pageInfo.endCursor && (
        <MoreButton onClick={() => onMore(page.pageInfo.endCursor!)} />
      )}
    </>
  );
}

function HistoryEntries({ entries, undone, onChanged }: EntryActions & { entries: AuditEntryFieldsFragment[] }) {
  return (
    <ol className="history__list" aria-label="History entries">
      {entries.map((entry) => (
        <li key={entry.id} className="history__entry">
          <p className="history__summary">
            <span className={`badge badge--audit-${entry.action.toLowerCase()}`}>{ACTION_LABEL[entry.action] ?? entry.action}</span>{" "}
            <span className="history__who">{entry.actorName}</span>{" "}
            <time className="muted" dateTime={entry.at}>
              {formatDateTime(entry.at)}
            </time>
          </p>
          {entry.changes.length > 0 && (
            <ul className="history__changes">
              {entry.changes.map((change, index) => (
                <li key={`${change.field}-${index}`}>
                  <span className="history__field">{fieldLabel(change.field)}:</span>{" "}
                  <span className="history__from">{formatJsonValue(change.from)}</span>{" "}
                  <span aria-label="changed to">→</span> <span className="history__to">{formatJsonValue(change.to)}</span>
                </li>
              ))}
            </ul>
          )}
          <UnmergeAction entry={entry} undone={undone} onChanged={onChanged} />
        </li>
      ))}
    </ol>
  );
}
