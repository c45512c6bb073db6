// The last runs of one source (syncRuns), newest first; refetched by the cache when a run
// finishes (syncRunFinished) or one is started here. `fix` gives the action offered when the
// newest run left events outside its dates.
import type { ReactNode } from "react";
import { useQuery } from "urql";
import type { SyncRunFieldsFragment } from "../../../gql/graphql";
import { ErrorState, Loading } from "../../../shared/components/States";
import { formatDateTime } from "../../../shared/format/dates";
import { SyncRunsQuery } from "../graphql/SyncRunsQuery";
import { SyncRunFigures } from "./SyncRunFigures";

export const RUNS_SHOWN = 5;

export function SyncRunList({ sourceId, sourceName, fix }: { sourceId: string; sourceName: string; fix?: (run: SyncRunFieldsFragment) => ReactNode }) {
  const [result, reexecute] = useQuery({ query: SyncRunsQuery, variables: { sourceId, first: RUNS_SHOWN } });
  const runs = result.data?.syncRuns;
  if (!runs) {
    return result.error ? (
      <ErrorState title="The runs could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
    ) : (
      <Loading label="Loading runs…" />
    );
  }
  if (runs.totalCount === 0) return <p className="muted">Not synced yet.</p>;
  return (
    <ol className="run-list" aria-label={`Last runs of ${sourceName}`}>
      {runs.edges.map(({ node }, index) => (
        <li key={node.id} className={`run${node.error ? " run--failed" : ""}`}>
          <time dateTime={node.startedAt}>{formatDateTime(node.startedAt)}</time> <SyncRunFigures run={node} fix={index === 0 ? fix?.(node) : undefined} />
        </li>
      ))}
    </ol>
  );
}
