// What to do with customers already in the account and with rows that have errors, then
// "Import N customers" (customerImportCommit). The job then runs on the server.
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { ImportDuplicateStrategy, ImportErrorPolicy } from "../../../gql/graphql";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CustomerImportCommitMutation } from "../graphql/CustomerImportCommitMutation";
import type { ImportJob } from "../utils/status";

export const DUPLICATE_CHOICES: { value: ImportDuplicateStrategy; label: string }[] = [
  { value: "SKIP", label: "Skip existing customers" },
  { value: "FILL", label: "Fill blank fields" },
  { value: "OVERWRITE", label: "Overwrite with the file's values" },
  { value: "CREATE", label: "Create new customers anyway" },
];

export const ERROR_CHOICES: { value: ImportErrorPolicy; label: string }[] = [
  { value: "IMPORT_VALID", label: "Import the valid rows, reject the others" },
  { value: "REJECT_FILE", label: "Import nothing if any row has an error" },
];

/** How many customers the button promises: the valid rows, or none when the file is refused. */
export function importCount(job: ImportJob, policy: ImportErrorPolicy): number {
  return policy === "REJECT_FILE" && job.counts.rejected > 0 ? 0 : job.counts.valid;
}

interface Props {
  job: ImportJob;
  /** A new analysis runs: the figures are about to change. */
  disabled: boolean;
  onStarted: (job: ImportJob) => void;
}

export function StrategyForm({ job, disabled, onStarted }: Props) {
  const [duplicates, setDuplicates] = useState<ImportDuplicateStrategy>("FILL");
  const [errorPolicy, setErrorPolicy] = useState<ImportErrorPolicy>("IMPORT_VALID");
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, commit] = useMutation(CustomerImportCommitMutation);
  const name = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled) return;
    setFailure(null);
    const result = await commit({ input: { jobId: job.id, duplicates, errorPolicy } });
    const payload = result.data?.customerImportCommit;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.userErrors.length === 0 && payload.job) onStarted(payload.job);
  }

  const count = importCount(job, errorPolicy);
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="import-strategy-title">
      <h2 id="import-strategy-title" className="card__title">
        Import
      </h2>
      <div className="import-strategy">
        <fieldset className="form__group">
          <legend>Customers already in Clientele ({job.counts.existing})</legend>
          {DUPLICATE_CHOICES.map((choice) => (
            <div key={choice.value} className="field field--checkbox">
              <input
                id={`${name}-dup-${choice.value}`}
                type="radio"
                name={`${name}-duplicates`}
                value={choice.value}
                checked={duplicates === choice.value}
                onChange={() => setDuplicates(choice.value)}
              />
              <label htmlFor={`${name}-dup-${choice.value}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="form__group">
          <legend>Rows with errors ({job.counts.rejected})</legend>
          {ERROR_CHOICES.map((choice) => (
            <div key={choice.value} className="field field--checkbox">
              <input
                id={`${name}-err-${choice.value}`}
                type="radio"
                name={`${name}-errors`}
                value={choice.value}
                checked={errorPolicy === choice.value}
                onChange={() => setErrorPolicy(choice.value)}
              />
              <label htmlFor={`${name}-err-${choice.value}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
      </div>
      {errorPolicy === "REJECT_FILE" && job.counts.rejected > 0 && (
        <p className="notice">
          {job.counts.rejected} {job.counts.rejected === 1 ? "row has" : "rows have"} errors: with this choice nothing is imported.
        </p>
      )}
      <UserErrorList errors={errors} title="The import did not start:" />
      {failure && <ErrorState title="The import could not be started." error={failure} />}
      <FormActions busy={fetching || disabled} label={`Import ${count} ${count === 1 ? "customer" : "customers"}`} busyLabel={disabled ? "Updating the preview…" : "Starting…"} />
    </form>
  );
}
