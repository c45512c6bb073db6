// The public booking form's values, its own checks (before asking the API) and the input it sends.
import type { BookingCreateInput, BookingFormFieldsQuery, CustomFieldValueInput } from "../../../gql/graphql";

export type BookingField = BookingFormFieldsQuery["bookingFormFields"][number];

export interface BookingValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** The wished start, a datetime-local value in the visitor's zone. */
  startsAt: string;
  /** What for (optional): becomes the request's service. */
  service: string;
  /** Custom field values by key: text, or a boolean for checkboxes. */
  custom: Record<string, string | boolean>;
  consentToMessages: boolean;
}

export const EMPTY_BOOKING: BookingValues = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  startsAt: "",
  service: "",
  custom: {},
  consentToMessages: false,
};

/** A request lasts an hour until the business confirms its exact time. */
export const REQUEST_LENGTH_MS = 60 * 60 * 1000;

export interface FieldProblem {
  field: string | null;
  message: string;
  code: string;
}

/** The API may name fields as its Python does ("starts_at", "custom_fields.vip"): the form's names. */
export function formField(field: string | null): string | null {
  if (!field) return null;
  const [head, ...rest] = field.split(".");
  const camel = head.replace(/_([a-z])/g, (_m, letter: string) => letter.toUpperCase());
  const name = camel === "mobilePhone" || camel === "landlinePhone" ? "phone" : camel;
  return [name, ...rest].join(".");
}

function localToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The form's own checks: a name, email or phone, a wished time in the future, the required custom fields. */
export function checkBooking(values: BookingValues, fields: readonly BookingField[], now: Date = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values.firstName.trim() && !values.lastName.trim()) problems.push({ field: "firstName", message: "Please give your name.", code: "REQUIRED" });
  if (!values.email.trim() && !values.phone.trim()) problems.push({ field: "email", message: "Please give an email address or a phone number (or both).", code: "REQUIRED" });
  else if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    problems.push({ field: "email", message: "This does not look like an email address.", code: "INVALID_EMAIL" });
  const start = localToIso(values.startsAt);
  if (!start) problems.push({ field: "startsAt", message: "Please choose the day and time you would like.", code: "REQUIRED" });
  else if (new Date(start) <= now) problems.push({ field: "startsAt", message: "Please choose a time in the future.", code: "INVALID" });
  for (const field of fields) {
    if (!field.required) continue;
    const value = values.custom[field.key];
    const missing = field.type === "CHECKBOX" ? value !== true : typeof value !== "string" || value.trim() === "";
    if (missing) problems.push({ field: `customFields.${field.key}`, message: `${field.label} is required.`, code: "REQUIRED" });
  }
  return problems;
}

function customValue(field: BookingField, value: string | boolean | undefined): unknown {
  if (field.type === "CHECKBOX") return value === true;
  if (typeof value !== "string" || value.trim() === "") return null;
  if (field.type === "NUMBER") return Number(value);
  return value.trim();
}

export function buildBookingInput(accountSlug: string, values: BookingValues, fields: readonly BookingField[]): BookingCreateInput {
  const startsAt = localToIso(values.startsAt)!;
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  const customFields: CustomFieldValueInput[] = fields
    .map((field) => ({ key: field.key, value: customValue(field, values.custom[field.key]) }))
    .filter((entry) => entry.value !== null);
  return {
    accountSlug,
    firstName: text(values.firstName),
    lastName: text(values.lastName),
    email: text(values.email),
    phone: text(values.phone),
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + REQUEST_LENGTH_MS).toISOString(),
    services: values.service.trim() ? [values.service.trim()] : [],
    ...(customFields.length ? { customFields } : {}),
    consentToMessages: values.consentToMessages,
  };
}
