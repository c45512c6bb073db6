// "New appointment" on the profile: start, end (or all day), services, location and internal
// notes; sends appointmentCreate for this customer. userErrors show at their inputs; a booking
// for a customer blocked from online booking goes through (staff may) and says so.
import { useId, useRef, type FormEvent } from "react";
import { useMutation } from "urql";
import { Dialog } from "../../../shared/components/Dialog";
import { EntityFormFrame } from "../../../shared/components/EntityFormFrame";
import { CheckboxField, Field } from "../../../shared/components/Field";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";
import { useEntityForm } from "../../../shared/hooks/useEntityForm";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import type { AppointmentCreateInput } from "../../../gql/graphql";
import { AppointmentCreateMutation } from "../graphql/AppointmentCreateMutation";
import { fromDateInput, fromLocalInput } from "../utils/localTime";
import { messagesAt, TimeRangeFields } from "./TimeRangeFields";
import { markOwnAppointment } from "../utils/ownAppointments";

export interface NewAppointmentValues {
  startsAt: string;
  endsAt: string;
  /** The end was typed (until then it follows the start, an hour later). */
  endTouched: boolean;
  allDay: boolean;
  date: string;
  services: string;
  location: string;
  notes: string;
}

export const EMPTY_APPOINTMENT: NewAppointmentValues = { startsAt: "", endsAt: "", endTouched: false, allDay: false, date: "", services: "", location: "", notes: "" };

/** The input for appointmentCreate, or the errors the form finds itself. */
export function buildAppointmentInput(customerId: string, values: NewAppointmentValues): { input: AppointmentCreateInput } | { errors: SimpleUserError[] } {
  const errors: SimpleUserError[] = [];
  const services = values.services.split(",").map((s) => s.trim()).filter(Boolean);
  const optional = (value: string) => (value.trim() === "" ? null : value.trim());
  if (values.allDay) {
    const startsAt = fromDateInput(values.date);
    if (!startsAt) return { errors: [{ field: "startsAt", message: "Choose the day.", code: "REQUIRED" }] };
    return { input: { customerId, startsAt, allDay: true, services, location: optional(values.location), notes: optional(values.notes) } };
  }
  const startsAt = fromLocalInput(values.startsAt);
  const endsAt = fromLocalInput(values.endsAt);
  if (!startsAt) errors.push({ field: "startsAt", message: "Enter the start (date and time).", code: "REQUIRED" });
  if (!endsAt) errors.push({ field: "endsAt", message: "Enter the end (date and time).", code: "REQUIRED" });
  else if (startsAt && new Date(endsAt) <= new Date(startsAt)) errors.push({ field: "endsAt", message: "The end must be after the start.", code: "INVALID" });
  if (errors.length) return { errors };
  return { input: { customerId, startsAt: startsAt!, endsAt: endsAt!, allDay: false, services, location: optional(values.location), notes: optional(values.notes) } };
}

/** A new appointment's end follows its start at this length until the end is typed. */
export const DEFAULT_LENGTH_MS = 60 * 60 * 1000;

const FIELDS = ["startsAt", "endsAt", "services", "location", "notes"];

interface Props {
  open: boolean;
  customer: { id: string; displayName: string };
  onClose: () => void;
  /** After the appointment was made; `blocked` when the customer may not book online. */
  onCreated: (blocked: boolean) => void;
}

export function NewAppointmentDialog({ open, customer, onClose, onCreated }: Props) {
  return (
    <Dialog open={open} title={`New appointment for ${customer.displayName || "this customer"}`} onClose={onClose}>
      <NewAppointmentForm customerId={customer.id} onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function NewAppointmentForm({ customerId, onCancel, onCreated }: { customerId: string; onCancel: () => void; onCreated: Props["onCreated"] }) {
  const titleId = useId();
  const [{ fetching }, create] = useMutation(AppointmentCreateMutation);
  const blocked = useRef(false);
  const form = useEntityForm<NewAppointmentValues, { id: string }>({
    editing: undefined,
    initial: EMPTY_APPOINTMENT,
    empty: EMPTY_APPOINTMENT,
    onDone: () => onCreated(blocked.current),
  });
  const { values, setValues, errors } = form;
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstInvalid(ref, errors.length ? errors : null);
  const set = (field: keyof NewAppointmentValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) =>
    form.submit(event, {
      validate: () => {
        const built = buildAppointmentInput(customerId, values);
        return "errors" in built ? built.errors : [];
      },
      save: async () => {
        const built = buildAppointmentInput(customerId, values);
        if ("errors" in built) return null;
        const result = await create({ input: built.input });
        const payload = result.data?.appointmentCreate;
        blocked.current = Boolean(payload?.customerBlocked);
        if (payload?.appointment) markOwnAppointment(payload.appointment.id);
        return { payload, entity: payload?.appointment, error: result.error };
      },
    });

  return (
    <EntityFormFrame
      editing
      titleId={titleId}
      title="New appointment"
      editClassName="new-appointment-form"
      onSubmit={onSubmit}
      otherErrors={errors.filter((error) => !FIELDS.some((field) => error.field === field || error.field?.startsWith(`${field}.`)))}
      errorsTitle="The appointment was not made:"
      failure={form.failure}
      failureTitle="The appointment could not be made."
      addedMessage={null}
      onCancel={onCancel}
      busy={fetching}
      submitLabel="Book appointment"
    >
      <div ref={ref}>
        <CheckboxField label="All day" name="allDay" checked={values.allDay} onChange={(allDay) => setValues((current) => ({ ...current, allDay }))} />
        {values.allDay ? (
          <Field label="Day" error={messagesAt(errors, "startsAt")} required>
            {(control) => <input {...control} type="date" name="date" data-autofocus value={values.date} onChange={set("date")} />}
          </Field>
        ) : (
          <TimeRangeFields labels={["Starts", "Ends"]} values={values} setValues={setValues} errors={errors} endFor={(start) => new Date(new Date(start).getTime() + DEFAULT_LENGTH_MS).toISOString()} />
        )}
        <Field label="Services" error={messagesAt(errors, "services")} hint="Separate several with commas.">
          {(control) => <input {...control} name="services" autoComplete="off" value={values.services} onChange={set("services")} />}
        </Field>
        <Field label="Location" error={messagesAt(errors, "location")}>
          {(control) => <input {...control} name="location" autoComplete="off" value={values.location} onChange={set("location")} />}
        </Field>
        <Field label="Internal notes" error={messagesAt(errors, "notes")} hint="Staff only.">
          {(control) => <textarea {...control} name="notes" rows={3} value={values.notes} onChange={set("notes")} />}
        </Field>
      </div>
    </EntityFormFrame>
  );
}
