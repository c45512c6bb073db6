// Then: which customer field each column of the file fills. One row per column: its header,
// a few sample values and a select of targets ("Ignore" = not imported), pre-set to the API's
// suggestion. A workbook with several sheets also gets a sheet select. Every change asks for a
// new analysis of the uploaded file (no new upload); the API's mapping errors ("mapping.<n>")
// show at that column's select, the user's choice kept in it.
import { useEffect, useState } from "react";
import type { ImportMappingInput } from "../../../gql/graphql";
import { Field } from "../../../shared/components/Field";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { mappingErrors, mappingInput, isSheetError, type MappingChoice } from "../utils/mapping";
import type { ImportJob } from "../utils/status";

export const IGNORE = "";
const SAMPLES_SHOWN = 3;

export interface Reanalysis {
  sheet?: string;
  mapping?: ImportMappingInput[];
}

interface Props {
  job: ImportJob;
  /** A new analysis runs (the table shows the last one meanwhile). */
  busy: boolean;
  /** Sends the change; resolves to the API's userErrors (none: the new analysis started). */
  onReanalyse: (change: Reanalysis) => Promise<readonly SimpleUserError[]>;
}

export function MappingStep({ job, busy, onReanalyse }: Props) {
  const [draft, setDraft] = useState<MappingChoice>({});
  const [sheet, setSheet] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  // A new analysis arrived: it holds the choices made so far.
  useEffect(() => {
    setDraft({});
    setSheet(null);
  }, [job]);

  const labels = new Map(job.targets.map((target) => [target.key, target.label]));
  const { byColumn, general } = mappingErrors(job.columns, errors);
  const sheetErrors = general.filter(isSheetError);

  async function choose(column: number, target: string | null) {
    const next = { ...draft, [column]: target };
    setDraft(next);
    const mapping = mappingInput(job.columns, next);
    setErrors(await onReanalyse({ ...(job.sheet ? { sheet: job.sheet } : {}), mapping }));
  }

  async function chooseSheet(name: string) {
    setSheet(name);
    setErrors(await onReanalyse({ sheet: name }));
  }

  return (
    <section className="card import-mapping" aria-labelledby="import-mapping-title" aria-busy={busy}>
      <h2 id="import-mapping-title" className="card__title">
        Match the columns
      </h2>
      <p className="form__intro">
        {job.fileName}
        {job.headerRow ? ` · header in row ${job.headerRow}` : ""}. Choose the customer field each column fills, or Ignore.
      </p>
      {job.sheets.length > 1 && (
        <Field
          label="Sheet"
          className="import-mapping__sheet"
          error={sheetErrors.length ? sheetErrors.map((error) => error.message).join(" ") : undefined}
        >
          {(control) => (
            <select {...control} value={sheet ?? job.sheet ?? ""} disabled={busy} onChange={(event) => chooseSheet(event.target.value)}>
              {job.sheets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="table-scroll" role="region" aria-label="Columns of the file" tabIndex={0}>
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Sample values</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {job.columns.map((column) => {
              const value = column.index in draft ? draft[column.index] : column.target;
              const own = byColumn[column.index] ?? [];
              const selectId = `import-column-${column.index}`;
              const errorId = `${selectId}-error`;
              const hintId = `${selectId}-hint`;
              const differs = column.suggested !== null && column.suggested !== value;
              const name = column.header || `Column ${column.index + 1}`;
              return (
                <tr key={column.index} className={own.length ? "import-table__row--error" : undefined}>
                  <th scope="row">{name}</th>
                  <td>
                    <ul className="import-samples">
                      {column.samples.slice(0, SAMPLES_SHOWN).map((sample, index) => (
                        <li key={index}>{sample}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <div className={`field${own.length ? " field--invalid" : ""}`}>
                      <label className="visually-hidden" htmlFor={selectId}>
                        Import “{name}” as
                      </label>
                      <select
                        id={selectId}
                        value={value ?? IGNORE}
                        aria-invalid={own.length ? true : undefined}
                        aria-describedby={[own.length ? errorId : null, differs ? hintId : null].filter(Boolean).join(" ") || undefined}
                        onChange={(event) => choose(column.index, event.target.value === IGNORE ? null : event.target.value)}
                      >
                        <option value={IGNORE}>Ignore</option>
                        {job.targets.map((target) => (
                          <option key={target.key} value={target.key}>
                            {target.label}
                          </option>
                        ))}
                      </select>
                      {differs && (
                        <p className="field__hint" id={hintId}>
                          Suggested: {labels.get(column.suggested!) ?? column.suggested}
                        </p>
                      )}
                      {own.length > 0 && (
                        <p className="field__error" id={errorId}>
                          {own.map((error) => error.message).join(" ")}
                        </p>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <UserErrorList errors={general.filter((error) => !isSheetError(error))} title="The columns could not be matched:" />
      <p className="muted import-mapping__status" role="status">
        {busy ? "Analysing the file again with these columns…" : ""}
      </p>
    </section>
  );
}
