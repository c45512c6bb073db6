// Upload an .ics file (calendarUpload, GraphQL multipart request) with this upload's choices:
// every date in the file or only the window, and whether the file is the whole calendar (events
// of earlier uploads missing from it are cancelled) or only adds and changes events. The run's
// figures or its error are shown below the form, with "Sync every date" when it left events out.
import { useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { SyncRunFieldsFragment } from "../../../gql/graphql";
import { Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CalendarUploadMutation } from "../graphql/CalendarUploadMutation";
import { FormActions } from "../../../shared/components/FormActions";
import { ChoiceGroup } from "./ChoiceGroup";
import { SyncEveryDate } from "./OutsideFixes";
import { SyncRunFigures } from "./SyncRunFigures";

export function UploadCalendarForm() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [dates, setDates] = useState<"all" | "window">("all");
  const [scope, setScope] = useState<"whole" | "partial">("whole");
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [run, setRun] = useState<SyncRunFieldsFragment | null>(null);
  const [{ fetching }, upload] = useMutation(CalendarUploadMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setRun(null);
    if (!file) return setErrors([{ field: "file", message: "Choose an .ics file.", code: "REQUIRED" }]);
    const result = await upload({ file, name: name.trim() || null, allDates: dates === "all", cancelMissing: scope === "whole" });
    const payload = result.data?.calendarUpload;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setRun(payload.syncRun);
    // A failed run is shown as the run's error; other userErrors at their field or above.
    setErrors(payload.userErrors.filter((error) => !(error.code === "SYNC_FAILED" && payload.syncRun?.error)));
    if (payload.syncRun && !payload.syncRun.error) {
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h2 id="upload-title" className="card__title">
        Upload a calendar file
      </h2>
      <p className="card__hint">An .ics export. Uploading a file with the same name again updates the same appointments.</p>
      <div className="form__row">
        <Field label="Calendar file (.ics)" error={fieldError(errors, "file")}>
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              name="file"
              type="file"
              accept=".ics,text/calendar"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label="Name (optional)" hint="Default: the file name." error={fieldError(errors, "name")}>
          {(control) => <input {...control} name="uploadName" autoComplete="off" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <div className="form__row upload__choices">
        <ChoiceGroup
          legend="Dates"
          value={dates}
          onChange={setDates}
          choices={[
            { value: "all", label: "Every date in the file" },
            { value: "window", label: "Only the window (the calendar's days back and ahead)" },
          ]}
        />
        <ChoiceGroup
          legend="Events"
          value={scope}
          onChange={setScope}
          choices={[
            { value: "whole", label: "This file is the whole calendar (events of earlier uploads missing from it are cancelled)" },
            { value: "partial", label: "This file only adds and changes events" },
          ]}
        />
      </div>
      <UserErrorList errors={otherErrors(errors, ["file", "name"])} title="The file was not synced:" />
      {failure && <ErrorState title="The file could not be uploaded." error={failure} />}
      <div aria-live="polite" className="upload__result" data-testid="upload-result">
        {run && (
          <>
            {run.error ? "The sync failed. " : "Synced. "}
            <SyncRunFigures
              run={run}
              fix={run.windowStart !== null && <SyncEveryDate key={run.id} sourceId={run.sourceId} onDone={() => setDates("all")} />}
            />
          </>
        )}
      </div>
      <FormActions busy={fetching} label="Upload and sync" busyLabel="Uploading…" />
    </form>
  );
}
