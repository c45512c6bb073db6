// With the mapping: what the import would do. The analysis's counts, the first rows as mapped (a value
// the API refuses in red with its message; "Same person as row 4" for a duplicate within the
// file, "Matches <customer>" for one already in the account) and the rows that would be
// rejected as a CSV download.
import { Link } from "react-router";
import { profilePath } from "../../customers/paths";
import type { ImportJob } from "../utils/status";
import { ImportCounts } from "./ImportCounts";

type Row = ImportJob["previewRows"][number];

/** The targets shown as columns: the mapped ones in the file's order, then any other a row has. */
export function previewTargets(job: ImportJob): string[] {
  const keys: string[] = [];
  for (const column of job.columns) if (column.target && !keys.includes(column.target)) keys.push(column.target);
  for (const row of job.previewRows) for (const value of row.values) if (!keys.includes(value.target)) keys.push(value.target);
  return keys;
}

export function PreviewSection({ job }: { job: ImportJob }) {
  const labels = new Map(job.targets.map((target) => [target.key, target.label]));
  const keys = previewTargets(job);
  const { counts } = job;
  return (
    <section className="card import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="card__title">
        Preview
      </h2>
      <ImportCounts
        label="What the file holds"
        figures={[
          { label: "Rows", value: counts.rows },
          { label: "Valid", value: counts.valid },
          { label: "With errors", value: counts.rejected },
          { label: "Duplicates in the file", value: counts.duplicatesInFile },
          { label: "Already customers", value: counts.existing },
        ]}
      />
      {job.rejectedRowsUrl && (
        <p>
          <a href={job.rejectedRowsUrl} download>
            Download rows that would be rejected
          </a>{" "}
          <span className="muted">(CSV: each row as in the file, with the reason)</span>
        </p>
      )}
      {job.previewRows.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="First rows as they would be imported" tabIndex={0}>
          <table className="import-table import-table--preview">
            <caption className="import-table__caption">
              {job.previewRows.length < counts.rows ? `The first ${job.previewRows.length} of ${counts.rows} rows` : "All rows"}, as they would be
              imported
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {keys.map((key) => (
                  <th key={key} scope="col">
                    {labels.get(key) ?? key}
                  </th>
                ))}
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {job.previewRows.map((row) => (
                <PreviewRow key={row.rowNumber} row={row} keys={keys} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">The sheet has no data rows below its header.</p>
      )}
    </section>
  );
}

function PreviewRow({ row, keys }: { row: Row; keys: string[] }) {
  const values = new Map(row.values.map((value) => [value.target, value.value]));
  const atCell = (key: string) => row.errors.filter((error) => error.field === key || error.field.startsWith(`${key}.`));
  const elsewhere = row.errors.filter((error) => !keys.some((key) => error.field === key || error.field.startsWith(`${key}.`)));
  const className = row.errors.length ? "import-table__row--error" : row.duplicate ? "import-table__row--duplicate" : undefined;
  return (
    <tr className={className}>
      <th scope="row">{row.rowNumber}</th>
      {keys.map((key) => {
        const errors = atCell(key);
        return (
          <td key={key} className={errors.length ? "import-cell--error" : undefined}>
            {values.get(key) ?? ""}
            {errors.map((error, index) => (
              <span key={index} className="import-cell__error" data-code={error.code}>
                {error.message}
              </span>
            ))}
          </td>
        );
      })}
      <td>
        {row.errors.length > 0 && <span className="import-cell__rejected">Would be rejected</span>}
        {elsewhere.map((error, index) => (
          <span key={index} className="import-cell__error" data-code={error.code}>
            {error.message}
          </span>
        ))}
        {row.duplicate && <DuplicateNote duplicate={row.duplicate} />}
        {row.errors.length === 0 && !row.duplicate && <span className="import-cell__ok">OK</span>}
      </td>
    </tr>
  );
}

function DuplicateNote({ duplicate }: { duplicate: NonNullable<Row["duplicate"]> }) {
  if (duplicate.kind === "IN_FILE") {
    return <span className="import-cell__duplicate">Same person as row {duplicate.rowNumber ?? "above"}</span>;
  }
  const id = duplicate.customer?.id ?? duplicate.customerId;
  const name = duplicate.customer?.displayName || "an existing customer";
  return <span className="import-cell__duplicate">Matches {id ? <Link to={profilePath(id)}>{name}</Link> : name}</span>;
}
