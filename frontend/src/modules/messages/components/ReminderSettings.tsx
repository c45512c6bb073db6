// Reminders (none, one or two, each 1 to 336 hours before the start) and the account's time zone,
// in which messages give dates and times; accountSettingsUpdate saves both.
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState, Loading } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { MessageSettingsQuery } from "../graphql/MessageSettingsQuery";
import { MessageSettingsUpdateMutation } from "../graphql/MessageSettingsUpdateMutation";

/** The server's bound (two weeks). */
export const MAX_REMINDER_HOURS = 336;

export interface ReminderValues {
  first: string;
  second: string;
  timeZone: string;
}

/** reminderHours from the two inputs, or the errors the form finds itself. */
export function reminderHours(values: ReminderValues): { hours: number[] } | { errors: SimpleUserError[] } {
  const errors: SimpleUserError[] = [];
  const hours: number[] = [];
  for (const [field, text] of [["first", values.first], ["second", values.second]] as const) {
    const trimmed = text.trim();
    if (!trimmed) continue;
    const value = Number(trimmed);
    if (!Number.isInteger(value) || value < 1 || value > MAX_REMINDER_HOURS) {
      errors.push({ field, message: `A whole number of hours from 1 to ${MAX_REMINDER_HOURS}.`, code: "INVALID" });
    } else if (hours.includes(value)) {
      errors.push({ field, message: "The two reminders are at the same time.", code: "INVALID" });
    } else hours.push(value);
  }
  if (!values.timeZone.trim()) errors.push({ field: "timeZone", message: "Choose a time zone, such as Europe/Zurich.", code: "REQUIRED" });
  return errors.length ? { errors } : { hours: hours.sort((a, b) => b - a) };
}

/** Time zones the browser knows, for suggestions (the server checks the name). */
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
}

export function ReminderSettings() {
  const [result, reexecute] = useQuery({ query: MessageSettingsQuery });
  const account = result.data?.me?.account;
  return (
    <section className="card" aria-labelledby="reminders-title">
      <h2 id="reminders-title" className="card__title">
        Reminders and time zone
      </h2>
      {account ? (
        <ReminderForm reminderHours={account.reminderHours} timeZone={account.timeZone} />
      ) : result.error ? (
        <ErrorState title="The settings could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      ) : (
        <Loading label="Loading the settings…" />
      )}
    </section>
  );
}

function ReminderForm({ reminderHours: saved, timeZone }: { reminderHours: readonly number[]; timeZone: string }) {
  const listId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ReminderValues>({ first: String(saved[0] ?? ""), second: String(saved[1] ?? ""), timeZone });
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [notice, setNotice] = useState("");
  const [{ fetching }, update] = useMutation(MessageSettingsUpdateMutation);
  useFocusFirstInvalid(formRef, errors.length ? errors : null);
  const set = (field: keyof ReminderValues) => (event: { target: { value: string } }) => {
    setNotice("");
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };
  // The server names its field reminderHours; the form shows that at the first input.
  const at = (field: string) => fieldError(errors, field) ?? (field === "first" ? fieldError(errors, "reminderHours") : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setNotice("");
    const checked = reminderHours(values);
    if ("errors" in checked) return setErrors(checked.errors);
    const result = await update({ reminderHours: checked.hours, timeZone: values.timeZone.trim() });
    const payload = result.data?.accountSettingsUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    setErrors([]);
    const hours = payload.account?.reminderHours ?? checked.hours;
    setNotice(
      hours.length === 0
        ? "Saved. No reminders are sent."
        : `Saved. Reminders go out ${hours.map((h) => `${h} hours`).join(" and ")} before an appointment.`,
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate aria-label="Reminders and time zone">
      <p className="form__intro">
        Reminders go out this many hours before an appointment starts (only for appointments booked before that). Leave both
        empty to send none.
      </p>
      <div className="form__row">
        <Field label="First reminder (hours before)" error={at("first")}>
          {(control) => <input {...control} name="first" type="number" inputMode="numeric" min={1} max={MAX_REMINDER_HOURS} value={values.first} onChange={set("first")} />}
        </Field>
        <Field label="Second reminder (hours before, optional)" error={at("second")}>
          {(control) => <input {...control} name="second" type="number" inputMode="numeric" min={1} max={MAX_REMINDER_HOURS} value={values.second} onChange={set("second")} />}
        </Field>
      </div>
      <Field label="Time zone" error={at("timeZone")} hint="Dates and times in messages are given in this zone, e.g. Europe/Zurich.">
        {(control) => <input {...control} name="timeZone" list={listId} autoComplete="off" value={values.timeZone} onChange={set("timeZone")} />}
      </Field>
      <datalist id={listId}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <UserErrorList errors={otherErrors(errors, ["first", "second", "reminderHours", "timeZone"])} title="The settings were not saved:" />
      {failure && <ErrorState title="The settings could not be saved." error={failure} />}
      <p className="muted" role="status">
        {notice}
      </p>
      <FormActions busy={fetching} label="Save reminders" />
    </form>
  );
}
