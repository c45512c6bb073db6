/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why an account, user, role or token change failed. */
export type AccountErrorCode =
  /** Built-in roles cannot be changed or deleted. */
  | 'BUILTIN_ROLE'
  /** The name or email is taken. */
  | 'DUPLICATE'
  /** The value is not acceptable. */
  | 'INVALID'
  /** Wrong email or password. */
  | 'INVALID_CREDENTIALS'
  /** Not a valid email address. */
  | 'INVALID_EMAIL'
  /** The account must keep an active user who can manage users. */
  | 'LAST_ADMIN'
  /** No such object in your account. */
  | 'NOT_FOUND'
  /** A token cannot hold permissions its user lacks. */
  | 'PERMISSION_NOT_HELD'
  /** Too many attempts; try again later. */
  | 'RATE_LIMITED'
  /** A required value is missing. */
  | 'REQUIRED'
  /** Users still have this role. */
  | 'ROLE_IN_USE'
  /** The value is too short. */
  | 'TOO_SHORT';

/** A postal address; blank parts are stored as null. */
export type AddressInput = {
  /** City. At most 100 characters. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2 country code, e.g. CH. */
  country?: string | null | undefined;
  /** Postcode. At most 20 characters. */
  postcode?: string | null | undefined;
  /** Street and number. At most 200 characters. */
  street?: string | null | undefined;
};

/** The state of an appointment. */
export type AppointmentStatus =
  /** Cancelled (kept in history). */
  | 'CANCELLED'
  /** Took place. */
  | 'COMPLETED'
  /** The customer did not attend. */
  | 'NO_SHOW'
  /** Booked and not cancelled. */
  | 'SCHEDULED';

/** What happened to a customer. */
export type ChangeKind =
  /** The customer was created. */
  | 'CREATED'
  /** The customer was deleted. */
  | 'DELETED'
  /** The customer changed. */
  | 'UPDATED';

/** Whether the business may send notifications to the customer. */
export type CommunicationStatus =
  /** Notifications may be sent (green chip). */
  | 'ALLOWED'
  /** Communications are disabled for this customer (red chip). */
  | 'BLOCKED';

/** The type of a custom field. */
export type CustomFieldType =
  /** true or false. */
  | 'CHECKBOX'
  /** A calendar date, YYYY-MM-DD. */
  | 'DATE'
  /** One of the definition's options. */
  | 'DROPDOWN'
  /** A finite number. */
  | 'NUMBER'
  /** Free text (at most 1000 characters). */
  | 'TEXT';

/** Set (or, with null, clear) one custom field value. */
export type CustomFieldValueInput = {
  /** The custom field definition's key. */
  key: string;
  /** String for TEXT and DROPDOWN, YYYY-MM-DD for DATE, boolean for CHECKBOX, number for NUMBER; null clears the value. */
  value?: unknown;
};

/** A new customer. A first or last name is required. */
export type CustomerCreateInput = {
  /** Postal address. */
  address?: AddressInput | null | undefined;
  /** Defaults to ALLOWED. */
  communicationStatus?: CommunicationStatus | null | undefined;
  /** Company or organisation. At most 200 characters. */
  company?: string | null | undefined;
  /** Custom field values, validated against their definitions. */
  customFields?: Array<CustomFieldValueInput> | null | undefined;
  /** Date of birth, between 1900-01-01 and today. */
  dateOfBirth?: string | null | undefined;
  /** Email address; validated and lower-cased. At most 254 chars. */
  email?: string | null | undefined;
  /** Email notifications on (default true). */
  emailEnabled?: boolean | null | undefined;
  /** Given name. At most 100 characters. */
  firstName?: string | null | undefined;
  /** Landline phone, read like mobilePhone. */
  landlinePhone?: string | null | undefined;
  /** Family name. At most 100 characters. */
  lastName?: string | null | undefined;
  /** Mobile phone in any common format; read in the account's region unless it has a country code; stored in E.164. */
  mobilePhone?: string | null | undefined;
  /** Internal notes, never shown to the customer. At most 10000 characters. */
  notes?: string | null | undefined;
  /** BCP 47 language tag such as de-CH. */
  preferredLanguage?: string | null | undefined;
  /** Preferred notification channel. */
  preferredMedium?: Medium | null | undefined;
  /** Mr, Ms, Dr… At most 40 characters. */
  salutation?: string | null | undefined;
  /** SMS notifications on (default true). */
  smsEnabled?: boolean | null | undefined;
};

/** Why a customer mutation refused its input. */
export type CustomerErrorCode =
  /** Another customer already has this email or phone; see existingCustomerId. */
  | 'DUPLICATE'
  /** The value is not acceptable. */
  | 'INVALID'
  /** Not a syntactically valid email address. */
  | 'INVALID_EMAIL'
  /** Not a valid phone number for the account's region. */
  | 'INVALID_PHONE'
  /** No customer with this ID in your account. */
  | 'NOT_FOUND'
  /** A required value is missing. */
  | 'REQUIRED'
  /** The value exceeds the field's maximum length. */
  | 'TOO_LONG'
  /** No custom field with this key is defined. */
  | 'UNKNOWN_CUSTOM_FIELD';

/** Narrows the customer list; all given conditions must hold. */
export type CustomerFilter = {
  /** false (default): active customers; true: archived ones; null: both. */
  archived?: boolean | null | undefined;
  /** Only customers with this communication status. */
  communicationStatus?: CommunicationStatus | null | undefined;
  /** Words that must each appear in the name, email, phone or company. */
  search?: string | null | undefined;
  /** Only customers that entered this way. */
  source?: CustomerSource | null | undefined;
};

/** Sort order of the customer list. */
export type CustomerOrderBy = {
  /** Ascending or descending. */
  direction?: SortDirection;
  /** What to sort by. */
  field: CustomerOrderField;
};

/** What to sort customers by. */
export type CustomerOrderField =
  /** When the customer was created. */
  | 'CREATED_AT'
  /** Last name, then first name (case-insensitive). */
  | 'NAME'
  /** When the customer last changed. */
  | 'UPDATED_AT';

/** How a customer entered the database. */
export type CustomerSource =
  /** Created by an online booking. */
  | 'BOOKING'
  /** Created from a calendar event. */
  | 'CALENDAR'
  /** Imported from a CSV or Excel file. */
  | 'IMPORT'
  /** Added by staff. */
  | 'MANUAL';

/** Changes to a customer. An omitted field is left alone; null clears it. */
export type CustomerUpdateInput = {
  /** Replaces the whole address; null clears it. */
  address?: AddressInput | null | undefined;
  /** Archive (true) or restore (false) the customer; null is refused (REQUIRED). */
  archived?: boolean | null | undefined;
  /** ALLOWED or BLOCKED; null is refused (REQUIRED). */
  communicationStatus?: CommunicationStatus | null | undefined;
  /** Company. At most 200 characters. */
  company?: string | null | undefined;
  /** Custom values to set; keys not listed are left alone, null clears one. */
  customFields?: Array<CustomFieldValueInput> | null | undefined;
  /** Date of birth. */
  dateOfBirth?: string | null | undefined;
  /** Email address; validated and lower-cased. */
  email?: string | null | undefined;
  /** Email notifications on or off; null is refused (REQUIRED). */
  emailEnabled?: boolean | null | undefined;
  /** Given name. At most 100 characters. */
  firstName?: string | null | undefined;
  /** Landline phone; stored in E.164. */
  landlinePhone?: string | null | undefined;
  /** Family name. At most 100 characters. */
  lastName?: string | null | undefined;
  /** Mobile phone; stored in E.164. */
  mobilePhone?: string | null | undefined;
  /** Internal notes. At most 10000 characters. */
  notes?: string | null | undefined;
  /** BCP 47 language tag. */
  preferredLanguage?: string | null | undefined;
  /** Preferred notification channel. */
  preferredMedium?: Medium | null | undefined;
  /** Mr, Ms, Dr… At most 40 characters. */
  salutation?: string | null | undefined;
  /** SMS notifications on or off; null is refused (REQUIRED). */
  smsEnabled?: boolean | null | undefined;
};

/** Delivery outcome of a message. */
export type DeliveryStatus =
  /** Delivery failed; see `error`. */
  | 'FAILED'
  /** Not delivered yet. */
  | 'PENDING'
  /** Accepted by the mail or SMS server. */
  | 'SENT';

/** A channel a message is sent over. */
export type Medium =
  /** Email. */
  | 'EMAIL'
  /** SMS text message. */
  | 'SMS';

/** What a role or API token allows. */
export type Permission =
  /** add:customers: create customers and staff bookings. */
  | 'ADD_CUSTOMERS'
  /** delete:customers: erase customers. */
  | 'DELETE_CUSTOMERS'
  /** edit:blocked-customers: block and unblock customers, manage block rules, read blocked booking attempts. */
  | 'EDIT_BLOCKED_CUSTOMERS'
  /** edit:customers: change customers, their communication status and channel switches. */
  | 'EDIT_CUSTOMERS'
  /** export:customers: export customer data. */
  | 'EXPORT_CUSTOMERS'
  /** import:customers: import files. */
  | 'IMPORT_CUSTOMERS'
  /** manage:settings: custom fields, calendars, account settings. */
  | 'MANAGE_SETTINGS'
  /** manage:users: staff users and roles. */
  | 'MANAGE_USERS'
  /** read:customers: see customers, appointments and messages. */
  | 'READ_CUSTOMERS';

/** Sort direction. */
export type SortDirection =
  /** Ascending (A→Z, oldest first). */
  | 'ASC'
  /** Descending (Z→A, newest first). */
  | 'DESC';

export type AppointmentFieldsFragment = { id: string, title: string, services: Array<string>, startsAt: string, endsAt: string, allDay: boolean, location: string | null, status: AppointmentStatus };

export type CommunicationFieldsFragment = { id: string, medium: Medium, recipient: string | null, subject: string | null, body: string | null, status: DeliveryStatus, error: string | null, attempts: number, sentAt: string | null, createdAt: string };

export type CustomerChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type CustomerChangedSubscription = { customerChanged: { kind: ChangeKind, customerId: string, customer: { id: string, displayName: string, salutation: string | null, firstName: string | null, lastName: string | null, email: string | null, mobilePhone: string | null, landlinePhone: string | null, dateOfBirth: string | null, company: string | null, notes: string | null, preferredMedium: Medium | null, preferredLanguage: string | null, communicationStatus: CommunicationStatus, emailEnabled: boolean, smsEnabled: boolean, source: CustomerSource, createdAt: string, updatedAt: string, archivedAt: string | null, address: { street: string | null, postcode: string | null, city: string | null, country: string | null }, customFields: Array<{ key: string, label: string, type: CustomFieldType, value: unknown, archived: boolean }>, nextAppointment: { id: string, startsAt: string, endsAt: string, allDay: boolean } | null } | null } };

export type CustomerCreateMutationVariables = Exact<{
  input: CustomerCreateInput;
}>;


export type CustomerCreateMutation = { customerCreate: { customer: { id: string, displayName: string, email: string | null, mobilePhone: string | null, landlinePhone: string | null, communicationStatus: CommunicationStatus, nextAppointment: { id: string, startsAt: string, endsAt: string, allDay: boolean } | null } | null, userErrors: Array<{ field: string | null, message: string, code: CustomerErrorCode, existingCustomerId: string | null }> } };

export type CustomerDeleteMutationVariables = Exact<{
  id: string | number;
  keepHistory: boolean;
}>;


export type CustomerDeleteMutation = { customerDelete: { deletedId: string | null, userErrors: Array<{ field: string | null, message: string, code: CustomerErrorCode, existingCustomerId: string | null }> } };

export type CustomerDetailsFieldsFragment = { id: string, displayName: string, salutation: string | null, firstName: string | null, lastName: string | null, email: string | null, mobilePhone: string | null, landlinePhone: string | null, dateOfBirth: string | null, company: string | null, notes: string | null, preferredMedium: Medium | null, preferredLanguage: string | null, communicationStatus: CommunicationStatus, emailEnabled: boolean, smsEnabled: boolean, source: CustomerSource, createdAt: string, updatedAt: string, archivedAt: string | null, address: { street: string | null, postcode: string | null, city: string | null, country: string | null }, customFields: Array<{ key: string, label: string, type: CustomFieldType, value: unknown, archived: boolean }> };

export type CustomerErrorFieldsFragment = { field: string | null, message: string, code: CustomerErrorCode, existingCustomerId: string | null };

export type CustomerListItemFieldsFragment = { id: string, displayName: string, email: string | null, mobilePhone: string | null, landlinePhone: string | null, communicationStatus: CommunicationStatus, nextAppointment: { id: string, startsAt: string, endsAt: string, allDay: boolean } | null };

export type CustomerListQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  orderBy?: CustomerOrderBy | null | undefined;
  filter?: CustomerFilter | null | undefined;
}>;


export type CustomerListQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, displayName: string, email: string | null, mobilePhone: string | null, landlinePhone: string | null, communicationStatus: CommunicationStatus, nextAppointment: { id: string, startsAt: string, endsAt: string, allDay: boolean } | null } }> } };

export type CustomerProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerProfileQuery = { customer: { id: string, displayName: string, salutation: string | null, firstName: string | null, lastName: string | null, email: string | null, mobilePhone: string | null, landlinePhone: string | null, dateOfBirth: string | null, company: string | null, notes: string | null, preferredMedium: Medium | null, preferredLanguage: string | null, communicationStatus: CommunicationStatus, emailEnabled: boolean, smsEnabled: boolean, source: CustomerSource, createdAt: string, updatedAt: string, archivedAt: string | null, appointments: { totalCount: number, edges: Array<{ node: { id: string, title: string, services: Array<string>, startsAt: string, endsAt: string, allDay: boolean, location: string | null, status: AppointmentStatus, communications: { totalCount: number, edges: Array<{ node: { id: string, medium: Medium, recipient: string | null, subject: string | null, body: string | null, status: DeliveryStatus, error: string | null, attempts: number, sentAt: string | null, createdAt: string } }> } } }> }, address: { street: string | null, postcode: string | null, city: string | null, country: string | null }, customFields: Array<{ key: string, label: string, type: CustomFieldType, value: unknown, archived: boolean }> } | null };

export type CustomerUpdateMutationVariables = Exact<{
  id: string | number;
  input: CustomerUpdateInput;
}>;


export type CustomerUpdateMutation = { customerUpdate: { customer: { id: string, displayName: string, salutation: string | null, firstName: string | null, lastName: string | null, email: string | null, mobilePhone: string | null, landlinePhone: string | null, dateOfBirth: string | null, company: string | null, notes: string | null, preferredMedium: Medium | null, preferredLanguage: string | null, communicationStatus: CommunicationStatus, emailEnabled: boolean, smsEnabled: boolean, source: CustomerSource, createdAt: string, updatedAt: string, archivedAt: string | null, address: { street: string | null, postcode: string | null, city: string | null, country: string | null }, customFields: Array<{ key: string, label: string, type: CustomFieldType, value: unknown, archived: boolean }>, nextAppointment: { id: string, startsAt: string, endsAt: string, allDay: boolean } | null } | null, userErrors: Array<{ field: string | null, message: string, code: CustomerErrorCode, existingCustomerId: string | null }> } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { me: { userId: string | null, name: string, via: string, permissions: Array<Permission>, csrfToken: string | null, account: { name: string } } | null, userErrors: Array<{ field: string | null, message: string, code: AccountErrorCode }> } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: { ok: boolean } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { userId: string | null, name: string, via: string, permissions: Array<Permission>, csrfToken: string | null, account: { name: string } } | null };

export type SessionFieldsFragment = { userId: string | null, name: string, via: string, permissions: Array<Permission>, csrfToken: string | null, account: { name: string } };

export const AppointmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppointmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Appointment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<AppointmentFieldsFragment, unknown>;
export const CommunicationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommunicationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Communication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medium"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CommunicationFieldsFragment, unknown>;
export const CustomerDetailsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"salutation"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMedium"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}}]} as unknown as DocumentNode<CustomerDetailsFieldsFragment, unknown>;
export const CustomerErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"existingCustomerId"}}]}}]} as unknown as DocumentNode<CustomerErrorFieldsFragment, unknown>;
export const CustomerListItemFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerListItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}}]}}]} as unknown as DocumentNode<CustomerListItemFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"csrfToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const CustomerChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CustomerChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerDetailsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerListItemFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"salutation"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMedium"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerListItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}}]}}]} as unknown as DocumentNode<CustomerChangedSubscription, CustomerChangedSubscriptionVariables>;
export const CustomerCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerListItemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerListItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"existingCustomerId"}}]}}]} as unknown as DocumentNode<CustomerCreateMutation, CustomerCreateMutationVariables>;
export const CustomerDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keepHistory"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"keepHistory"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keepHistory"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"existingCustomerId"}}]}}]} as unknown as DocumentNode<CustomerDeleteMutation, CustomerDeleteMutationVariables>;
export const CustomerListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerOrderBy"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerListItemFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerListItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}}]}}]} as unknown as DocumentNode<CustomerListQuery, CustomerListQueryVariables>;
export const CustomerProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerDetailsFields"}},{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AppointmentFields"}},{"kind":"Field","name":{"kind":"Name","value":"communications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CommunicationFields"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"salutation"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMedium"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AppointmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Appointment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"services"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CommunicationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Communication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"medium"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CustomerProfileQuery, CustomerProfileQueryVariables>;
export const CustomerUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerDetailsFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerListItemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CustomerErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerDetailsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"salutation"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"address"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"preferredMedium"}},{"kind":"Field","name":{"kind":"Name","value":"preferredLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerListItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"mobilePhone"}},{"kind":"Field","name":{"kind":"Name","value":"landlinePhone"}},{"kind":"Field","name":{"kind":"Name","value":"communicationStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextAppointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CustomerErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"existingCustomerId"}}]}}]} as unknown as DocumentNode<CustomerUpdateMutation, CustomerUpdateMutationVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"csrfToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Me"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"csrfToken"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;