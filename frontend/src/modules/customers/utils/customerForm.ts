// Form values <-> API inputs. Every control holds a string or a boolean; an emptied text control
// means "clear" (null), an untouched one is left out of the update ("leave alone").
import type {
  CommunicationStatus,
  CustomerErrorFieldsFragment,
  CustomerCreateInput,
  CustomerDetailsFieldsFragment,
  CustomerUpdateInput,
  CustomFieldType,
  CustomFieldValueInput,
  Medium,
} from "../../../gql/graphql";

export type Customer = CustomerDetailsFieldsFragment;

export const TEXT_FIELDS = [
  "salutation",
  "firstName",
  "lastName",
  "email",
  "mobilePhone",
  "landlinePhone",
  "dateOfBirth",
  "company",
  "notes",
  "preferredLanguage",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const ADDRESS_FIELDS = ["street", "postcode", "city", "country"] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

export interface CustomerFormValues extends Record<TextField, string> {
  address: Record<AddressField, string>;
  preferredMedium: "" | Medium;
  communicationStatus: CommunicationStatus;
  emailEnabled: boolean;
  smsEnabled: boolean;
  archived: boolean;
  /** Custom field values by key: text for TEXT, DROPDOWN, DATE, NUMBER; boolean for CHECKBOX. */
  custom: Record<string, string | boolean>;
}

/** The rule every customer form checks before it asks the API (which checks it too). */
export const NAME_REQUIRED = "A first or last name is required.";

/** The error of a customer without a first and a last name (none when it has one). */
export function missingName(values: { firstName: string; lastName: string }): CustomerErrorFieldsFragment[] {
  if (values.firstName.trim() || values.lastName.trim()) return [];
  return [{ field: "firstName", message: NAME_REQUIRED, code: "REQUIRED", existingCustomerId: null }];
}

export interface NewCustomerValues {
  firstName: string;
  lastName: string;
  email: string;
  mobilePhone: string;
}

const text = (value: string | null | undefined): string => value ?? "";
const orNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());

function customToText(type: CustomFieldType, value: unknown): string | boolean {
  if (type === "CHECKBOX") return value === true;
  if (value === null || value === undefined) return "";
  return String(value);
}

export function valuesFromCustomer(customer: Customer): CustomerFormValues {
  return {
    salutation: text(customer.salutation),
    firstName: text(customer.firstName),
    lastName: text(customer.lastName),
    email: text(customer.email),
    mobilePhone: text(customer.mobilePhone),
    landlinePhone: text(customer.landlinePhone),
    dateOfBirth: text(customer.dateOfBirth),
    company: text(customer.company),
    notes: text(customer.notes),
    preferredLanguage: text(customer.preferredLanguage),
    address: {
      street: text(customer.address.street),
      postcode: text(customer.address.postcode),
      city: text(customer.address.city),
      country: text(customer.address.country),
    },
    preferredMedium: customer.preferredMedium ?? "",
    communicationStatus: customer.communicationStatus,
    emailEnabled: customer.emailEnabled,
    smsEnabled: customer.smsEnabled,
    archived: customer.archivedAt !== null,
    custom: Object.fromEntries(
      customer.customFields.map((field) => [field.key, customToText(field.type, field.value)]),
    ),
  };
}

/** The API value of a custom field control: typed, or null to clear it. */
export function customFieldInput(type: CustomFieldType, value: string | boolean): unknown {
  if (type === "CHECKBOX") return value === true;
  const raw = String(value).trim();
  if (raw === "") return null;
  if (type === "NUMBER") {
    const number = Number(raw.replace(",", "."));
    return Number.isFinite(number) ? number : raw; // the API explains what is wrong
  }
  return raw;
}

/** Only what changed: omitted fields are left alone by the API, null clears. `customFields`: the
 * fields the form shows (by default those the customer has values for). */
export function buildUpdateInput(
  customer: Customer,
  values: CustomerFormValues,
  customFields: readonly { key: string; type: CustomFieldType; archived: boolean }[] = customer.customFields,
): CustomerUpdateInput {
  const before = valuesFromCustomer(customer);
  const input: CustomerUpdateInput = {};
  for (const field of TEXT_FIELDS) {
    if (values[field].trim() !== before[field].trim()) input[field] = orNull(values[field]);
  }
  const addressChanged = ADDRESS_FIELDS.some(
    (part) => values.address[part].trim() !== before.address[part].trim(),
  );
  if (addressChanged) {
    const parts = ADDRESS_FIELDS.map((part) => [part, orNull(values.address[part])] as const);
    input.address = parts.every(([, value]) => value === null) ? null : Object.fromEntries(parts);
  }
  if (values.preferredMedium !== before.preferredMedium) {
    input.preferredMedium = values.preferredMedium === "" ? null : values.preferredMedium;
  }
  if (values.communicationStatus !== before.communicationStatus) {
    input.communicationStatus = values.communicationStatus;
  }
  if (values.emailEnabled !== before.emailEnabled) input.emailEnabled = values.emailEnabled;
  if (values.smsEnabled !== before.smsEnabled) input.smsEnabled = values.smsEnabled;
  if (values.archived !== before.archived) input.archived = values.archived;

  const custom: CustomFieldValueInput[] = [];
  for (const field of customFields) {
    if (field.archived) continue;
    const value = values.custom[field.key];
    const previous = before.custom[field.key] ?? (field.type === "CHECKBOX" ? false : "");
    if (value === undefined || value === previous) continue;
    if (typeof value === "string" && value.trim() === String(previous).trim()) continue;
    custom.push({ key: field.key, value: customFieldInput(field.type, value) });
  }
  if (custom.length > 0) input.customFields = custom;
  return input;
}

export function buildCreateInput(values: NewCustomerValues): CustomerCreateInput {
  return {
    firstName: orNull(values.firstName),
    lastName: orNull(values.lastName),
    email: orNull(values.email),
    mobilePhone: orNull(values.mobilePhone),
  };
}
