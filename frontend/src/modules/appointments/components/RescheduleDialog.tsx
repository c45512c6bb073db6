// "Reschedule": a new start and end (the end follows the start, keeping the length, until it is
// changed itself). Sends appointmentReschedule; userErrors at startsAt / endsAt show at their
// inputs, the rest above the buttons.
import { useId, useRef, type FormEvent } from "react";
import { useMutation } from "urql";
import { Dialog } from "../../../shared/components/Dialog";
import { EntityFormFrame } from "../../../shared/components/EntityFormFrame";
import { Field } from "../../../shared/components/Field";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";
import { useEntityForm } from "../../../shared/hooks/useEntityForm";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { AppointmentRescheduleMutation } from "../graphql/AppointmentRescheduleMutation";
import type { ActionAppointment } from "../hooks/useAppointmentActions";
import { fromDateInput, fromLocalInput, shiftEnd, toLocalInput } from "../utils/localTime";
import { messagesAt, TimeRangeFields } from "./TimeRangeFields";

const DAY_MS = 24 * 60 * 60 * 1000;
import { appointmentLabel } from "./AppointmentActionButtons";

interface Props {
  appointment: ActionAppointment | null;
  onClose: () => void;
  onDone?: () => void;
}

export function RescheduleDialog({ appointment, onClose, onDone }: Props) {
  return (
    <Dialog open={appointment !== null} title="Reschedule appointment" onClose={onClose}>
      {appointment && (
        <RescheduleForm
          key={appointment.id}
          appointment={appointment}
          onCancel={onClose}
          onDone={() => {
            onClose();
            onDone?.();
          }}
        />
      )}
    </Dialog>
  );
}

interface Values {
  /** All-day appointments: the new day (YYYY-MM-DD). */
  day: string;
  startsAt: string;
  endsAt: string;
  /** The end was typed (it no longer follows the start). */
  endTouched: boolean;
}

/** Errors of the form's own checks, before any request. */
export function checkTimes(values: Pick<Values, "startsAt" | "endsAt" | "day">, allDay = false): SimpleUserError[] {
  if (allDay) return fromDateInput(values.day) ? [] : [{ field: "startsAt", message: "Choose the new day.", code: "REQUIRED" }];
  const start = fromLocalInput(values.startsAt);
  const end = fromLocalInput(values.endsAt);
  const errors: SimpleUserError[] = [];
  if (!start) errors.push({ field: "startsAt", message: "Enter the new start (date and time).", code: "REQUIRED" });
  if (!end) errors.push({ field: "endsAt", message: "Enter the new end (date and time).", code: "REQUIRED" });
  if (start && end && new Date(end) <= new Date(start)) errors.push({ field: "endsAt", message: "The end must be after the start.", code: "INVALID" });
  return errors;
}


function RescheduleForm({ appointment, onCancel, onDone }: { appointment: ActionAppointment; onCancel: () => void; onDone: () => void }) {
  const titleId = useId();
  const [{ fetching }, reschedule] = useMutation(AppointmentRescheduleMutation);
  const form = useEntityForm<Values, { id: string }>({
    editing: appointment,
    initial: { day: appointment.startsAt.slice(0, 10), startsAt: toLocalInput(appointment.startsAt), endsAt: toLocalInput(appointment.endsAt), endTouched: false },
    empty: { day: "", startsAt: "", endsAt: "", endTouched: false },
    onDone,
  });
  const { values, setValues, errors } = form;
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstInvalid(ref, errors.length ? errors : null);

  const onSubmit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => checkTimes(values, appointment.allDay),
      save: async () => {
        const times = appointment.allDay
          ? { startsAt: fromDateInput(values.day)!, endsAt: new Date(new Date(fromDateInput(values.day)!).getTime() + DAY_MS).toISOString() }
          : { startsAt: fromLocalInput(values.startsAt)!, endsAt: fromLocalInput(values.endsAt)! };
        const result = await reschedule({ id: appointment.id, ...times });
        const payload = result.data?.appointmentReschedule;
        return { payload, entity: payload?.appointment, error: result.error };
      },
    });

  return (
    <EntityFormFrame
      editing
      titleId={titleId}
      title={`Reschedule ${appointmentLabel(appointment)}`}
      editClassName="reschedule-form"
      onSubmit={onSubmit}
      otherErrors={errors.filter((error) => error.field !== "startsAt" && error.field !== "endsAt")}
      errorsTitle="The appointment was not moved:"
      failure={form.failure}
      failureTitle="The appointment could not be moved."
      addedMessage={null}
      onCancel={onCancel}
      busy={fetching}
      submitLabel="Reschedule"
    >
      <div ref={ref}>
        <p className="form__intro">
          Now: <strong>{appointmentLabel(appointment)}</strong>
        </p>
        {appointment.allDay ? (
          <Field label="New day" error={messagesAt(errors, "startsAt")} required>
            {(control) => (
              <input {...control} type="date" name="day" data-autofocus value={values.day} onChange={(event) => setValues((current) => ({ ...current, day: event.target.value }))} />
            )}
          </Field>
        ) : (
        <TimeRangeFields labels={["New start", "New end"]} values={values} setValues={setValues} errors={errors} endFor={(start) => shiftEnd(appointment.startsAt, appointment.endsAt, start)} />
        )}
      </div>
    </EntityFormFrame>
  );
}
