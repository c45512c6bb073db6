// Add a feed, or edit a source (an uploaded file has no URL and is not polled). userErrors
// appear at their field (name, url, pollMinutes, ownDomains), anything else above the buttons.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { CalendarSourceFieldsFragment } from "../../../gql/graphql";
import { Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CalendarSourceCreateMutation } from "../graphql/CalendarSourceCreateMutation";
import { CalendarSourceUpdateMutation } from "../graphql/CalendarSourceUpdateMutation";
import { EMPTY_SOURCE, localErrors, parseDomains, SOURCE_FIELDS, type SourceFormValues } from "../utils/sourceForm";

interface Props {
  /** The source to edit; a new feed without it. */
  source?: CalendarSourceFieldsFragment;
  onDone?: (source: CalendarSourceFieldsFragment) => void;
  onCancel?: () => void;
}

export function CalendarSourceForm({ source, onDone, onCancel }: Props) {
  const isUrl = !source || source.kind === "URL";
  const [values, setValues] = useState<SourceFormValues>(
    source
      ? { name: source.name, url: source.url ?? "", pollMinutes: String(source.pollMinutes), ownDomains: source.ownDomains.join(", ") }
      : EMPTY_SOURCE,
  );
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [created, create] = useMutation(CalendarSourceCreateMutation);
  const [updated, update] = useMutation(CalendarSourceUpdateMutation);
  const fetching = created.fetching || updated.fetching;
  const set = (key: keyof SourceFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setAdded(null);
    const local = localErrors(values, { needsUrl: isUrl });
    if (local.length) return setErrors(local);
    const common = { name: values.name.trim(), ownDomains: parseDomains(values.ownDomains) };
    const urlPart = isUrl ? { url: values.url.trim(), pollMinutes: Number(values.pollMinutes) } : {};
    let payload;
    let error;
    if (source) {
      const result = await update({ id: source.id, input: { ...common, ...urlPart } });
      payload = result.data?.calendarSourceUpdate;
      error = result.error;
    } else {
      const result = await create({ input: { ...common, url: values.url.trim(), pollMinutes: Number(values.pollMinutes) } });
      payload = result.data?.calendarSourceCreate;
      error = result.error;
    }
    if (!payload) return setFailure(error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.calendarSource) return setErrors(payload.userErrors);
    setErrors([]);
    if (!source) {
      setAdded(payload.calendarSource.name);
      setValues(EMPTY_SOURCE);
    }
    onDone?.(payload.calendarSource);
  }

  const titleId = source ? `edit-source-${source.id}` : "add-source-title";
  return (
    <form className={source ? "form source-form" : "form card"} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className={source ? "visually-hidden" : "card__title"}>
        {source ? `Edit ${source.name}` : "Add a calendar feed"}
      </h2>
      <div className="form__row">
        <Field label="Name" error={fieldError(errors, "name")}>
          {(control) => <input {...control} name="name" autoComplete="off" maxLength={200} value={values.name} onChange={set("name")} />}
        </Field>
        {isUrl && (
          <Field label="Feed URL" hint="The calendar's secret iCal address (https:// or webcal://)." error={fieldError(errors, "url")}>
            {(control) => <input {...control} name="url" type="url" inputMode="url" autoComplete="off" value={values.url} onChange={set("url")} />}
          </Field>
        )}
      </div>
      <div className="form__row">
        {isUrl && (
          <Field label="Check every (minutes)" hint="5 to 1440." error={fieldError(errors, "pollMinutes")}>
            {(control) => (
              <input {...control} name="pollMinutes" type="number" inputMode="numeric" min={5} max={1440} value={values.pollMinutes} onChange={set("pollMinutes")} />
            )}
          </Field>
        )}
        <Field label="Own email domains" hint="Comma-separated; attendees there are staff, never customers." error={fieldError(errors, "ownDomains")}>
          {(control) => <input {...control} name="ownDomains" autoComplete="off" value={values.ownDomains} onChange={set("ownDomains")} />}
        </Field>
      </div>
      <UserErrorList errors={otherErrors(errors, SOURCE_FIELDS)} title={source ? "The calendar was not changed:" : "The calendar was not added:"} />
      {failure && <ErrorState title={source ? "The calendar could not be saved." : "The calendar could not be added."} error={failure} />}
      {!source && (
        <p aria-live="polite" className="muted">
          {added && `Calendar added: ${added}. Use “Sync now” to fetch it at once.`}
        </p>
      )}
      <div className="form__actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Saving…" : source ? "Save calendar" : "Add calendar"}
        </button>
      </div>
    </form>
  );
}
