// First: choose a spreadsheet and upload it (customerImportPreview with `input.file`, a GraphQL
// multipart request). The file's problems (EMPTY_FILE, NOT_A_SPREADSHEET, NO_HEADER…) are shown
// at the file input; anything else above the button.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CustomerImportPreviewMutation } from "../graphql/CustomerImportPreviewMutation";
import { TEMPLATE_URL } from "../paths";
import { isFileError } from "../utils/mapping";
import type { ImportJob } from "../utils/status";

export const ACCEPTED_FILES =
  ".csv,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet";

export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, upload] = useMutation(CustomerImportPreviewMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!file) return setErrors([{ field: "file", message: "Choose a spreadsheet file.", code: "REQUIRED" }]);
    const result = await upload({ input: { file } });
    const payload = result.data?.customerImportPreview;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.userErrors.length === 0 && payload.job) onUploaded(payload.job);
  }

  const atFile = errors.filter(isFileError);
  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="import-upload-title">
      <h2 id="import-upload-title" className="card__title">
        Upload a spreadsheet
      </h2>
      <p className="form__intro">
        A CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file with one customer per row and a header row. Nothing is imported
        before you have checked the preview.{" "}
        <a href={TEMPLATE_URL} download>
          Download template
        </a>
      </p>
      <Field
        label="Spreadsheet file"
        hint="CSV, XLSX, XLS or ODS."
        error={atFile.length ? atFile.map((error) => error.message).join(" ") : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="file"
            type="file"
            accept={ACCEPTED_FILES}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setErrors([]);
            }}
          />
        )}
      </Field>
      <UserErrorList errors={errors.filter((error) => !isFileError(error))} title="The file was not read:" />
      {failure && <ErrorState title="The file could not be uploaded." error={failure} />}
      <FormActions busy={fetching} label="Upload and preview" busyLabel="Uploading…" />
    </form>
  );
}
