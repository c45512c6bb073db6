// Where an import job stands, for the wizard: which step shows, whether it still changes, and
// which of two reports about it is the newer one.
import type { ImportJobFieldsFragment, ImportJobStatus } from "../../../gql/graphql";

export type ImportJob = ImportJobFieldsFragment;

/** The job still changes on the server: the page follows it live. */
export function isActive(status: ImportJobStatus): boolean {
  return status === "ANALYSING" || status === "QUEUED" || status === "RUNNING";
}

export function isFinished(status: ImportJobStatus): boolean {
  return status === "SUCCEEDED" || status === "FAILED" || status === "CANCELLED" || status === "UNDONE";
}

const RANK: Record<ImportJobStatus, number> = {
  ANALYSING: 0,
  READY: 1,
  QUEUED: 2,
  RUNNING: 3,
  SUCCEEDED: 4,
  FAILED: 4,
  CANCELLED: 4,
  UNDONE: 5,
};

/**
 * Whether `next` (from the progress subscription or a poll) may replace `current`: the same job,
 * not an older state (a poll answered after a later live event). The wizard's own mutations
 * replace the job unconditionally (a new analysis goes back from READY to ANALYSING).
 */
export function isNewer(current: ImportJob | null, next: ImportJob): boolean {
  if (!current || current.id !== next.id) return current === null;
  const rank = RANK[next.status] - RANK[current.status];
  if (rank !== 0) return rank > 0;
  return next.progress.processedRows >= current.progress.processedRows;
}
