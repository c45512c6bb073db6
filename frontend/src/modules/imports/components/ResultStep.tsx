// The end: what the import did (created, updated, skipped, duplicates in the file, rejected),
// the rejected rows as CSV, and "Undo import" while the API allows it (confirmed first; the
// job is then UNDONE and the page says what was taken back).
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { CustomerImportUndoMutation } from "../graphql/CustomerImportUndoMutation";
import type { ImportJob } from "../utils/status";
import { ImportCounts } from "./ImportCounts";

const customers = (n: number) => `${n} ${n === 1 ? "customer" : "customers"}`;

const TITLES: Partial<Record<ImportJob["status"], string>> = {
  SUCCEEDED: "Import finished",
  FAILED: "Import failed",
  CANCELLED: "Import cancelled",
  UNDONE: "Import undone",
};

/**
 * What undoing takes back (`done`: took back), in words. The API keeps a created customer who has
 * had appointments or messages since, and a field changed again since.
 */
export function undoText(job: ImportJob, done: boolean): string {
  const { created, updated } = job.counts;
  const parts: string[] = [];
  if (created > 0) {
    parts.push(
      `the ${customers(created)} it created ${done ? (created === 1 ? "was" : "were") : "will be"} deleted (except any with appointments or messages since)`,
    );
  }
  if (updated > 0) {
    parts.push(`the fields it changed on ${customers(updated)} ${done ? "got" : "get"} their earlier values back (unless changed again since)`);
  }
  if (parts.length === 0) return done ? "This import was undone; it had created or changed no customers." : "The import created or changed no customers.";
  const text = parts.join(", and ");
  return done ? `This import was undone: ${text}.` : `${text[0].toUpperCase()}${text.slice(1)}.`;
}

interface Props {
  job: ImportJob;
  onChange: (job: ImportJob) => void;
  onStartAgain: () => void;
}

export function ResultStep({ job, onChange, onStartAgain }: Props) {
  const undo = useConfirmedMutation(CustomerImportUndoMutation, {
    variables: (jobId: string) => ({ jobId }),
    payload: (data) => data.customerImportUndo,
    done: (payload) => payload.job !== null,
    onDone: (payload) => payload.job && onChange(payload.job),
  });
  const { counts } = job;
  return (
    <section className="card import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title" className="card__title">
        {TITLES[job.status] ?? "Import"}
      </h2>
      <div role="status">
        {job.status === "SUCCEEDED" && <p>{job.fileName} was imported.</p>}
        {job.status === "FAILED" && (
          <p className="import-result__error">{job.error ?? "The import stopped with an error."} Nothing was imported.</p>
        )}
        {job.status === "CANCELLED" && <p>The import was cancelled before it finished: nothing of it was imported.</p>}
        {job.status === "UNDONE" && <p>{undoText(job, true)}</p>}
      </div>
      <ImportCounts
        label="What the import did"
        figures={[
          { label: "Created", value: counts.created },
          { label: "Updated", value: counts.updated },
          { label: "Skipped", value: counts.skipped },
          { label: "Duplicates in the file", value: counts.duplicatesInFile },
          { label: "Rejected", value: counts.rejected },
        ]}
      />
      {job.rejectedRowsUrl && (
        <p>
          <a href={job.rejectedRowsUrl} download>
            Download rejected rows (CSV)
          </a>
        </p>
      )}
      <div className="form__actions">
        {job.canUndo && (
          <button type="button" className="button" onClick={() => undo.ask(job.id)}>
            Undo import
          </button>
        )}
        <button type="button" className="button button--primary" onClick={onStartAgain}>
          Import another file
        </button>
      </div>
      <ConfirmDialog
        confirmation={undo}
        title="Undo this import?"
        label="Undo import"
        busyLabel="Undoing…"
        errorsTitle="The import was not undone:"
        failureTitle="The import could not be undone."
      >
        <p>{undoText(job, false)}</p>
      </ConfirmDialog>
    </section>
  );
}
