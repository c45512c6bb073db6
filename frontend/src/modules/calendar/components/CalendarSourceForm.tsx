// Add a feed, or edit a source (an uploaded file has no URL and is not polled): which dates are
// synced (the window around today, or every date) and whether the calendar lists every event
// (then one missing from it is cancelled). userErrors appear at their field (name, url,
// pollMinutes, ownDomains, the window's days), anything else above the buttons.
import { useEffect, useRef, type FormEvent } from "react";
import { useMutation } from "urql";
import type { CalendarSourceFieldsFragment } from "../../../gql/graphql";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { EntityFormFrame } from "../../../shared/components/EntityFormFrame";
import { fieldError, otherErrors } from "../../../shared/components/UserErrorList";
import { useEntityForm } from "../../../shared/hooks/useEntityForm";
import { CalendarSourceCreateMutation } from "../graphql/CalendarSourceCreateMutation";
import { CalendarSourceUpdateMutation } from "../graphql/CalendarSourceUpdateMutation";
import {
  EMPTY_SOURCE,
  localErrors,
  MAX_WINDOW_DAYS,
  parseDomains,
  SOURCE_FIELDS,
  sourceValues,
  syncChoices,
  type SourceFormValues,
} from "../utils/sourceForm";
import { ChoiceGroup } from "./ChoiceGroup";

interface Props {
  /** The source to edit; a new feed without it. */
  source?: CalendarSourceFieldsFragment;
  onDone?: (source: CalendarSourceFieldsFragment) => void;
  onCancel?: () => void;
  /** Opened to widen the window: each new number moves focus to the dates synced. */
  focusDates?: number;
}

export function CalendarSourceForm({ source, onDone, onCancel, focusDates = 0 }: Props) {
  const isUrl = !source || source.kind === "URL";
  const { values, setValues, errors, failure, added, submit } = useEntityForm({
    editing: source,
    initial: (): SourceFormValues => (source ? sourceValues(source) : EMPTY_SOURCE),
    empty: EMPTY_SOURCE,
    onDone,
  });
  const [created, create] = useMutation(CalendarSourceCreateMutation);
  const [updated, update] = useMutation(CalendarSourceUpdateMutation);
  const fetching = created.fetching || updated.fetching;
  const set = (key: "name" | "url" | "pollMinutes" | "ownDomains" | "pastDays" | "futureDays") => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const dates = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusDates) dates.current?.querySelector<HTMLInputElement>("input:checked")?.focus();
  }, [focusDates]);
  const where = isUrl ? "feed" : "file";

  const onSubmit = (event: FormEvent) =>
    submit(event, {
      validate: () => localErrors(values, { needsUrl: isUrl }),
      async save() {
        const common = { name: values.name.trim(), ownDomains: parseDomains(values.ownDomains), ...syncChoices(values) };
        if (source) {
          const urlPart = isUrl ? { url: values.url.trim(), pollMinutes: Number(values.pollMinutes) } : {};
          const result = await update({ id: source.id, input: { ...common, ...urlPart } });
          const payload = result.data?.calendarSourceUpdate;
          return { payload, entity: payload?.calendarSource, error: result.error };
        }
        const result = await create({ input: { ...common, url: values.url.trim(), pollMinutes: Number(values.pollMinutes) } });
        const payload = result.data?.calendarSourceCreate;
        return { payload, entity: payload?.calendarSource, error: result.error };
      },
    });

  return (
    <EntityFormFrame
      editing={Boolean(source)}
      titleId={source ? `edit-source-${source.id}` : "add-source-title"}
      title={source ? `Edit ${source.name}` : "Add a calendar feed"}
      editClassName="source-form"
      onSubmit={onSubmit}
      otherErrors={otherErrors(errors, SOURCE_FIELDS)}
      errorsTitle={source ? "The calendar was not changed:" : "The calendar was not added:"}
      failure={failure}
      failureTitle={source ? "The calendar could not be saved." : "The calendar could not be added."}
      addedMessage={added && `Calendar added: ${added.name}. Use “Sync now” to fetch it at once.`}
      onCancel={onCancel}
      busy={fetching}
      submitLabel={source ? "Save calendar" : "Add calendar"}
    >
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
      <div ref={dates}>
        <ChoiceGroup
          legend="Dates synced"
          value={values.allDates ? "all" : "window"}
          onChange={(choice) => setValues((current) => ({ ...current, allDates: choice === "all" }))}
          choices={[
            { value: "window", label: `The window (${values.pastDays || "?"} days back, ${values.futureDays || "?"} ahead)` },
            { value: "all", label: `Every date in the ${where}` },
          ]}
        >
          <div className="form__row">
            {!values.allDates && (
              <Field label="Days back" hint={`0 to ${MAX_WINDOW_DAYS}.`} error={fieldError(errors, "windowPastDays")}>
                {(control) => (
                  <input {...control} name="windowPastDays" type="number" inputMode="numeric" min={0} max={MAX_WINDOW_DAYS} value={values.pastDays} onChange={set("pastDays")} />
                )}
              </Field>
            )}
            <Field
              label="Days ahead"
              hint={values.allDates ? "Repeating events without an end stop this far ahead." : `0 to ${MAX_WINDOW_DAYS}.`}
              error={fieldError(errors, "windowFutureDays")}
            >
              {(control) => (
                <input {...control} name="windowFutureDays" type="number" inputMode="numeric" min={0} max={MAX_WINDOW_DAYS} value={values.futureDays} onChange={set("futureDays")} />
              )}
            </Field>
          </div>
        </ChoiceGroup>
      </div>
      <div className="source-form__cancel-missing">
        <CheckboxField
          name="cancelMissing"
          label="This calendar lists every event (events missing from it are cancelled)"
          checked={values.cancelMissing}
          onChange={(checked) => setValues((current) => ({ ...current, cancelMissing: checked }))}
        />
      </div>
    </EntityFormFrame>
  );
}
