// One run's figures, or its error in red.
import type { SyncRunFieldsFragment } from "../../../gql/graphql";

export function runSummary(run: SyncRunFieldsFragment): string {
  return [
    `${run.eventsSeen} ${run.eventsSeen === 1 ? "event" : "events"} seen`,
    `${run.appointmentsCreated} created`,
    `${run.appointmentsUpdated} updated`,
    `${run.appointmentsCancelled} cancelled`,
    `${run.customersCreated} new ${run.customersCreated === 1 ? "customer" : "customers"}`,
    `${run.customersMatched} matched`,
  ].join(" · ");
}

export function SyncRunFigures({ run }: { run: SyncRunFieldsFragment }) {
  if (run.error) return <span className="run__error">Failed: {run.error}</span>;
  if (!run.finishedAt) return <span className="muted">Running…</span>;
  return <span>{runSummary(run)}</span>;
}
