// The import runs on the server (in one transaction: whole or not at all). The progress bar
// follows `importProgress`; Cancel stops it and nothing of it is imported.
import { useState } from "react";
import { useMutation } from "urql";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CustomerImportCancelMutation } from "../graphql/CustomerImportCancelMutation";
import type { ImportJob } from "../utils/status";
import { ImportProgressBar } from "./ImportProgressBar";

export function RunningStep({ job, onChange }: { job: ImportJob; onChange: (job: ImportJob) => void }) {
  const [{ fetching }, cancel] = useMutation(CustomerImportCancelMutation);
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);

  async function stop() {
    setFailure(null);
    const result = await cancel({ jobId: job.id });
    const payload = result.data?.customerImportCancel;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.job) onChange(payload.job);
  }

  const { processedRows, fraction } = job.progress;
  return (
    <section className="card" aria-labelledby="import-running-title">
      <h2 id="import-running-title" className="card__title">
        {job.status === "QUEUED" ? "Waiting to start…" : "Importing…"}
      </h2>
      <ImportProgressBar label="Import progress" fraction={fraction} text={`${processedRows} of ${job.counts.rows} rows`} />
      <UserErrorList errors={errors} title="The import was not cancelled:" />
      {failure && <ErrorState title="The import could not be cancelled." error={failure} />}
      <div className="form__actions">
        <button type="button" className="button" onClick={stop} disabled={fetching}>
          {fetching ? "Cancelling…" : "Cancel import"}
        </button>
      </div>
    </section>
  );
}
