// "Possible duplicates": the groups of customers that may be one person (best score first), with
// the score and the reasons in words. Staff with edit:customers compare two of a group side by
// side, choose which profile to keep and, per differing field, whose value; "Merge" (after a
// confirmation) or "Not the same person". After a merge: a message with a link to the kept
// profile and "Undo (unmerge)".
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { formatDateTime } from "../../../shared/format/dates";
import { profilePath } from "../../customers/paths";
import { useCan } from "../../session/hooks/useSession";
import { DuplicateCandidatesQuery } from "../graphql/DuplicateCandidatesQuery";
import { useUnmerge } from "../hooks/useUnmerge";
import { DuplicateGroup, type Merged } from "./DuplicateGroup";
import "./duplicates.css";

const PAGE = 20;

export function DuplicatesPage() {
  const [first, setFirst] = useState(PAGE);
  const [result, reexecute] = useQuery({
    query: DuplicateCandidatesQuery,
    variables: { first },
    requestPolicy: "cache-and-network",
  });
  const canEdit = useCan("EDIT_CUSTOMERS");
  const [merged, setMerged] = useState<Merged | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const connection = result.data?.duplicateCandidates;

  return (
    <section className="page duplicates" aria-labelledby="duplicates-title">
      <header className="page__header">
        <h1 id="duplicates-title">Possible duplicates</h1>
      </header>
      <p className="page__intro muted">
        Customers who may be one person, most likely first. {canEdit ? "Compare them, then merge them or mark them as different people." : ""}
      </p>
      {merged && (
        <MergedNotice merged={merged} onUndone={() => reexecute({ requestPolicy: "network-only" })} onClose={() => setMerged(null)} />
      )}
      {dismissed && (
        <p className="notice notice--success" role="status">
          {dismissed}
        </p>
      )}
      {!connection ? (
        result.error ? (
          <ErrorState title="The possible duplicates could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading possible duplicates…" />
        )
      ) : (
        <>
          <p className="muted" role="status">
            {connection.totalCount === 1 ? "1 group" : `${connection.totalCount} groups`}
            {connection.refreshedAt ? `, checked ${formatDateTime(connection.refreshedAt)}` : ", not checked yet"}.
          </p>
          {connection.edges.length === 0 ? (
            <EmptyState title="No possible duplicates.">
              <p>The customers are checked again within minutes of any change.</p>
            </EmptyState>
          ) : (
            <ol className="duplicates__list" aria-label="Possible duplicate groups">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <DuplicateGroup
                    group={node}
                    canEdit={canEdit}
                    onMerged={(done) => {
                      setDismissed(null);
                      setMerged(done);
                    }}
                    onDismissed={(names) => {
                      setMerged(null);
                      setDismissed(`${names} will no longer be suggested as one person.`);
                    }}
                  />
                </li>
              ))}
            </ol>
          )}
          {connection.pageInfo.hasNextPage && first < 100 && (
            <button type="button" className="button" onClick={() => setFirst((n) => Math.min(100, n + PAGE))}>
              Show more groups
            </button>
          )}
        </>
      )}
    </section>
  );
}

function MergedNotice({ merged, onUndone, onClose }: { merged: Merged; onUndone: () => void; onClose: () => void }) {
  const { unmerge, busy, outcome } = useUnmerge();
  if (outcome?.done) {
    return (
      <div className="notice notice--success duplicates__notice" role="status">
        <p>
          The merge is undone: <Link to={profilePath(merged.keptId)}>{outcome.done.keptName}</Link> and{" "}
          {outcome.done.restoredId ? <Link to={profilePath(outcome.done.restoredId)}>{outcome.done.restoredName}</Link> : outcome.done.restoredName} are
          separate profiles again.
        </p>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <div className="notice notice--success duplicates__notice" role="status">
      <p>
        Thank you — {merged.mergedName} is now part of <Link to={profilePath(merged.keptId)}>{merged.keptName}</Link>. You can undo this
        for 30 days.
      </p>
      <div className="duplicates__notice-actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={async () => {
            if (await unmerge(merged.mergeId)) onUndone();
          }}
        >
          {busy ? "Undoing…" : "Undo (unmerge)"}
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {outcome?.error && (
        <p className="field__error" role="alert">
          The merge could not be undone: {outcome.error}
        </p>
      )}
    </div>
  );
}
