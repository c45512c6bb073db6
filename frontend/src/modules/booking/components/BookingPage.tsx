// The public booking page, /book/<account slug>: no sign-in, none of the staff app's code. A
// person asks for an appointment (name, email and/or phone, wished time, what for, the
// business's booking-form custom fields, consent to messages); bookingCreate makes it a request
// that staff confirm. A blocked person sees the business's own message; success a confirmation.
import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQuery } from "urql";
import { BookingFormFieldsDocument, PublicBookingCreateDocument } from "../graphql/documents";
import { CustomFieldControl } from "../../../shared/components/CustomFieldControl";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { ErrorState, Loading } from "../../../shared/components/States";
import { buildBookingInput, checkBooking, EMPTY_BOOKING, formField, type BookingField, type BookingValues, type FieldProblem } from "../utils/bookingForm";

const FORM_FIELDS = ["firstName", "lastName", "email", "phone", "startsAt", "services"];

export function BookingPage({ accountSlug }: { accountSlug: string }) {
  const [fieldsResult, refetch] = useQuery({ query: BookingFormFieldsDocument, variables: { accountSlug } });
  return (
    <main id="main" className="booking">
      <div className="booking__card card">
        <h1 className="booking__title">Request an appointment</h1>
        {fieldsResult.data ? (
          <BookingForm accountSlug={accountSlug} fields={fieldsResult.data.bookingFormFields} />
        ) : fieldsResult.error ? (
          <ErrorState title="The booking form could not be loaded." error={fieldsResult.error} onRetry={() => refetch({ requestPolicy: "network-only" })} />
        ) : (
          <Loading label="Loading the booking form…" />
        )}
      </div>
    </main>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");
const localNow = (now: Date) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;

function BookingForm({ accountSlug, fields }: { accountSlug: string; fields: readonly BookingField[] }) {
  const [values, setValues] = useState<BookingValues>(EMPTY_BOOKING);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(PublicBookingCreateDocument);

  const set = (field: "firstName" | "lastName" | "email" | "phone" | "startsAt" | "service") => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const setCustom = (key: string, value: string | boolean) => setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));
  const at = (field: string): ReactNode =>
    problems.filter((problem) => problem.field === field).map((problem) => problem.message).join(" ") || undefined;
  const shown = new Set([...FORM_FIELDS, ...fields.map((field) => `customFields.${field.key}`)]);
  const other = problems.filter((problem) => !problem.field || !shown.has(problem.field));

  const focusFirstInvalid = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.booking [aria-invalid="true"]')?.focus());

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setRefusal(null);
    const local = checkBooking(values, fields);
    if (local.length) {
      setProblems(local);
      focusFirstInvalid();
      return;
    }
    const result = await create({ input: buildBookingInput(accountSlug, values, fields) });
    const payload = result.data?.bookingCreate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    const blocked = payload.userErrors.find((error) => error.code === "BLOCKED");
    if (blocked) {
      setProblems([]);
      return setRefusal(blocked.message);
    }
    if (payload.userErrors.length || !payload.appointment) {
      setProblems(payload.userErrors.map((error) => ({ ...error, field: formField(error.field) })));
      focusFirstInvalid();
      return;
    }
    setProblems([]);
    setBooked(payload.appointment.startsAt);
  }

  if (booked) {
    return (
      <div className="booking__done" role="status">
        <h2>Thank you, your request was sent.</h2>
        <p>
          You asked for{" "}
          <strong>
            {new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short" }).format(new Date(booked))}
          </strong>
          . The business will confirm your appointment.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setValues(EMPTY_BOOKING);
            setBooked(null);
          }}
        >
          Request another appointment
        </button>
      </div>
    );
  }

  return (
    <form className="form booking__form" onSubmit={onSubmit} noValidate aria-label="Appointment request">
      <p className="form__intro">Fields marked * are required. Give an email address, a phone number or both.</p>
      {refusal && (
        <div className="form-errors booking__refusal" role="alert">
          <p className="form-errors__title">We cannot take this booking online.</p>
          <p>{refusal}</p>
        </div>
      )}
      <div className="form__row">
        <Field label="First name" error={at("firstName")}>
          {(control) => <input {...control} name="firstName" autoComplete="given-name" value={values.firstName} onChange={set("firstName")} />}
        </Field>
        <Field label="Last name" error={at("lastName")}>
          {(control) => <input {...control} name="lastName" autoComplete="family-name" value={values.lastName} onChange={set("lastName")} />}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Email" error={at("email")}>
          {(control) => <input {...control} name="email" type="email" autoComplete="email" value={values.email} onChange={set("email")} />}
        </Field>
        <Field label="Phone" error={at("phone")}>
          {(control) => <input {...control} name="phone" type="tel" autoComplete="tel" value={values.phone} onChange={set("phone")} />}
        </Field>
      </div>
      <Field label="Wished day and time" error={at("startsAt")} required hint="The business confirms the exact time.">
        {(control) => <input {...control} name="startsAt" type="datetime-local" min={localNow(new Date())} value={values.startsAt} onChange={set("startsAt")} />}
      </Field>
      <Field label="What for?" error={at("services")} hint="Optional, e.g. the treatment or service.">
        {(control) => <input {...control} name="service" autoComplete="off" maxLength={200} value={values.service} onChange={set("service")} />}
      </Field>
      {fields.map((field) => (
        <CustomFieldControl
          key={field.key}
          field={field}
          value={values.custom[field.key]}
          error={at(`customFields.${field.key}`)}
          onChange={(value) => setCustom(field.key, value)}
          emptyChoice="Not given"
          requiredLabel={(label) => `${label} *`}
        />
      ))}
      <CheckboxField
        name="consentToMessages"
        label="Send me messages about my appointments (email or SMS)"
        checked={values.consentToMessages}
        onChange={(consentToMessages) => setValues((current) => ({ ...current, consentToMessages }))}
      />
      {other.length > 0 && (
        <div className="form-errors" role="alert">
          <p className="form-errors__title">The request was not sent:</p>
          <ul>
            {other.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {failure && <ErrorState title="The request could not be sent." error={failure} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          {fetching ? "Sending…" : "Request appointment"}
        </button>
      </div>
    </form>
  );
}
