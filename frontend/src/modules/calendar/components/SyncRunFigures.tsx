// One run's figures (events ignored among them) and, when it left events out, a sentence saying
// so with the action that fixes it (`fix`); or its error in red with the technical details behind
// a disclosure. Block content: put it in a div or li, not a p.
import type { ReactNode } from "react";
import type { SyncRunFieldsFragment } from "../../../gql/graphql";
import { outsideSentence, runSummary } from "../utils/runText";

export function SyncRunFigures({ run, fix }: { run: SyncRunFieldsFragment; fix?: ReactNode }) {
  if (run.error) {
    return (
      <>
        <span className="run__error">Failed: {run.error}</span>
        {run.errorDetail && (
          <details className="run__detail">
            <summary>Technical details</summary>
            <code>{run.errorDetail}</code>
          </details>
        )}
      </>
    );
  }
  if (!run.finishedAt) return <span className="muted">Running…</span>;
  const outside = outsideSentence(run);
  return (
    <>
      <span>{runSummary(run)}</span>
      {outside && (
        <div className="run__outside">
          {outside} {fix}
        </div>
      )}
    </>
  );
}
