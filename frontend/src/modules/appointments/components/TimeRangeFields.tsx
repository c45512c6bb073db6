// A start and an end (datetime-local) side by side, for booking and rescheduling: moving the
// start moves an end nobody has touched with it (`endFor` says where to).
import type { Dispatch, SetStateAction } from "react";
import { Field } from "../../../shared/components/Field";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";
import { fromLocalInput, toLocalInput } from "../utils/localTime";

export interface TimeRange {
  startsAt: string;
  endsAt: string;
  endTouched: boolean;
}

/** The messages of the errors at `field` (or inside it), for its Field. */
export const messagesAt = (errors: readonly SimpleUserError[], field: string) =>
  errors.filter((error) => error.field === field || error.field?.startsWith(`${field}.`)).map((error) => error.message).join(" ") || undefined;

type Props<V extends TimeRange> = {
  labels: [start: string, end: string];
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  errors: readonly SimpleUserError[];
  /** The end (ISO) for a new start (ISO) while the end is untouched. */
  endFor: (start: string) => string;
};

export function TimeRangeFields<V extends TimeRange>({ labels, values, setValues, errors, endFor }: Props<V>) {
  const setStart = (startsAt: string) =>
    setValues((current) => {
      const start = fromLocalInput(startsAt);
      if (current.endTouched || !start) return { ...current, startsAt };
      return { ...current, startsAt, endsAt: toLocalInput(endFor(start)) };
    });
  return (
    <div className="form__row">
      <Field label={labels[0]} error={messagesAt(errors, "startsAt")} required>
        {(control) => <input {...control} type="datetime-local" name="startsAt" data-autofocus value={values.startsAt} onChange={(event) => setStart(event.target.value)} />}
      </Field>
      <Field label={labels[1]} error={messagesAt(errors, "endsAt")} required>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            name="endsAt"
            value={values.endsAt}
            onChange={(event) => setValues((current) => ({ ...current, endsAt: event.target.value, endTouched: true }))}
          />
        )}
      </Field>
    </div>
  );
}
