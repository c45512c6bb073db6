// Settings → Customer lifecycle (manage:settings): the account's archive rule (customers inactive
// for N months are archived: out of lists and search, history kept, restorable) and retention
// rule (their personal data is erased: permanent), saved with accountSettingsUpdate; and the
// recent runs of both (lifecycleRuns: when, how many archived or erased, how many skipped).
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { LifecycleSettingsQuery as Result } from "../../../gql/graphql";
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDateTime } from "../../../shared/format/dates";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { LifecycleSettingsQuery } from "../graphql/LifecycleSettingsQuery";
import { LifecycleSettingsUpdateMutation } from "../graphql/LifecycleSettingsUpdateMutation";

/** The server's bounds. */
export const ARCHIVE_MONTHS = [1, 120] as const;
export const ERASE_MONTHS = [6, 240] as const;

type Run = NonNullable<Result["lifecycleRuns"]>["edges"][number]["node"];

export interface LifecycleValues {
  archive: string;
  erase: string;
}

/** The rules' months from the inputs (empty: off, null), or the errors the form finds itself. */
export function lifecycleMonths(values: LifecycleValues): { archiveAfterMonths: number | null; eraseAfterMonths: number | null } | { errors: SimpleUserError[] } {
  const errors: SimpleUserError[] = [];
  const months = (field: keyof LifecycleValues, [low, high]: readonly [number, number]): number | null => {
    const text = values[field].trim();
    if (!text) return null;
    const value = Number(text);
    if (!Number.isInteger(value) || value < low || value > high) {
      errors.push({ field, message: `A whole number of months from ${low} to ${high}, or empty (off).`, code: "INVALID" });
      return null;
    }
    return value;
  };
  const archiveAfterMonths = months("archive", ARCHIVE_MONTHS);
  const eraseAfterMonths = months("erase", ERASE_MONTHS);
  return errors.length ? { errors } : { archiveAfterMonths, eraseAfterMonths };
}

/** What a run did, in words. */
export function runSummary(run: Pick<Run, "kind" | "count" | "skippedCount" | "finishedAt" | "error">): string {
  const people = (n: number) => `${n} customer${n === 1 ? "" : "s"}`;
  const done = run.kind === "ARCHIVE" ? `${people(run.count)} archived` : `${people(run.count)} erased`;
  const skipped = run.skippedCount ? `, ${run.skippedCount} skipped` : "";
  if (run.error) return `${done}${skipped}, then stopped: ${run.error}`;
  if (!run.finishedAt) return `Running… ${done} so far`;
  return `${done}${skipped}`;
}

export function LifecycleSettingsPage() {
  const [result, reexecute] = useQuery({ query: LifecycleSettingsQuery });
  const account = result.data?.me?.account;
  const runs = result.data?.lifecycleRuns.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="page" aria-labelledby="lifecycle-title">
      <p className="page__eyebrow">Settings</p>
      <div className="page__header">
        <h1 id="lifecycle-title">Customer lifecycle</h1>
      </div>
      <p className="page__intro">
        A customer is inactive for a number of months when they were added that long ago, had no appointment in that time and
        have none booked. The rules below run about once an hour.
      </p>
      {account ? (
        <>
          <section className="card" aria-labelledby="lifecycle-rules-title">
            <h2 id="lifecycle-rules-title" className="card__title">
              Rules
            </h2>
            <LifecycleForm archiveAfterMonths={account.archiveAfterMonths} eraseAfterMonths={account.eraseAfterMonths} onSaved={() => reexecute({ requestPolicy: "network-only" })} />
          </section>
          <section className="card" aria-labelledby="lifecycle-runs-title">
            <h2 id="lifecycle-runs-title" className="card__title">
              Recent runs
            </h2>
            <RunList runs={runs} />
          </section>
        </>
      ) : result.error ? (
        <ErrorState title="The settings could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      ) : (
        <Loading label="Loading the settings…" />
      )}
    </section>
  );
}

function LifecycleForm({ archiveAfterMonths, eraseAfterMonths, onSaved }: { archiveAfterMonths: number | null; eraseAfterMonths: number | null; onSaved: () => void }) {
  const confirmId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LifecycleValues>({ archive: archiveAfterMonths?.toString() ?? "", erase: eraseAfterMonths?.toString() ?? "" });
  const [saved, setSaved] = useState({ erase: eraseAfterMonths });
  const [understood, setUnderstood] = useState(false);
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [notice, setNotice] = useState("");
  const [{ fetching }, update] = useMutation(LifecycleSettingsUpdateMutation);
  useFocusFirstInvalid(formRef, errors.length ? errors : null);
  const set = (field: keyof LifecycleValues) => (event: { target: { value: string } }) => {
    setNotice("");
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };
  const at = (field: keyof LifecycleValues) => fieldError(errors, field) ?? fieldError(errors, `${field}AfterMonths`);
  const checked = lifecycleMonths(values);
  // erasing sooner (or at all) than the saved rule asks for the confirmation
  const erasesMore = "eraseAfterMonths" in checked && checked.eraseAfterMonths !== null && (saved.erase === null || checked.eraseAfterMonths < saved.erase);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setNotice("");
    if ("errors" in checked) return setErrors(checked.errors);
    if (erasesMore && !understood) {
      return setErrors([{ field: "understood", message: "Confirm that erasure is permanent to turn this rule on.", code: "REQUIRED" }]);
    }
    const result = await update(checked);
    const payload = result.data?.accountSettingsUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    setErrors([]);
    setUnderstood(false);
    setSaved({ erase: payload.account?.eraseAfterMonths ?? null });
    const archive = payload.account?.archiveAfterMonths ?? null;
    const erase = payload.account?.eraseAfterMonths ?? null;
    setNotice(
      `Saved. ${archive === null ? "Customers are not archived automatically." : `Customers inactive for ${archive} months are archived.`} ${
        erase === null ? "Nobody is erased automatically." : `Customers inactive for ${erase} months are erased.`
      }`,
    );
    onSaved();
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Customer lifecycle rules">
      <Field
        label="Archive customers inactive for (months)"
        error={at("archive")}
        hint={`${ARCHIVE_MONTHS[0]} to ${ARCHIVE_MONTHS[1]}; empty: off. Archived customers leave the customer list and search; their history stays and you can restore them at any time.`}
      >
        {(control) => <input {...control} name="archive" type="number" inputMode="numeric" min={ARCHIVE_MONTHS[0]} max={ARCHIVE_MONTHS[1]} value={values.archive} onChange={set("archive")} />}
      </Field>
      <Field
        label="Erase customers inactive for (months)"
        error={at("erase")}
        hint={`${ERASE_MONTHS[0]} to ${ERASE_MONTHS[1]}; empty: off. Erasure is permanent: the person's details, custom fields, messages and the values in their history are removed and cannot be restored. Their appointments stay as anonymous facts for your statistics. Blocked customers are skipped.`}
      >
        {(control) => <input {...control} name="erase" type="number" inputMode="numeric" min={ERASE_MONTHS[0]} max={ERASE_MONTHS[1]} value={values.erase} onChange={set("erase")} />}
      </Field>
      {erasesMore && (
        <div className={`field field--checkbox${fieldError(errors, "understood") ? " field--invalid" : ""}`}>
          <input id={confirmId} type="checkbox" name="understood" checked={understood} aria-invalid={fieldError(errors, "understood") ? true : undefined} onChange={(event) => setUnderstood(event.target.checked)} />
          <label htmlFor={confirmId}>I understand that inactive customers' personal data will be erased permanently, starting within the hour.</label>
        </div>
      )}
      <UserErrorList errors={otherErrors(errors, ["archive", "erase", "archiveAfterMonths", "eraseAfterMonths"])} title="The rules were not saved:" />
      {failure && <ErrorState title="The rules could not be saved." error={failure} />}
      <p className="muted" role="status">
        {notice}
      </p>
      <FormActions busy={fetching} label="Save rules" danger={erasesMore} />
    </form>
  );
}

function RunList({ runs }: { runs: readonly Run[] }) {
  if (!runs.length) return <EmptyState title="No runs yet.">{<p>Once a rule is on, each run is listed here.</p>}</EmptyState>;
  return (
    <div className="table-scroll" role="region" aria-label="Runs of the rules" tabIndex={0}>
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Rule</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{formatDateTime(run.startedAt)}</td>
              <td>{run.kind === "ARCHIVE" ? `Archive after ${run.months} months` : `Erase after ${run.months} months`}</td>
              <td>{runSummary(run)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
