// Response data as the API sends it (with __typename, which the cache needs), typed by the types
// codegen generates from schema.graphql and the app's operations: a field the schema or an
// operation drops or renames makes `tsc` (and so the build) fail here, not a test at run time.
import type {
  CustomerErrorCode,
  CustomerErrorFieldsFragment,
  CustomerHistoryFieldsFragment,
  CustomerListItemFieldsFragment,
  CustomerListQuery,
  CustomerProfileQuery,
  AuditEntryFieldsFragment,
  BlockRuleFieldsFragment,
  CustomFieldDefinitionFieldsFragment,
  DashboardAppointmentFieldsFragment,
  SessionFieldsFragment,
} from "../gql/graphql";

/** What the API sends for an operation's type `T`: the same fields, `__typename` on every object. */
export type Answer<T> = T extends readonly (infer U)[]
  ? Answer<U>[]
  : T extends object
    ? { [K in keyof T]: Answer<T[K]> } & { __typename: string }
    : T;
/** An operation's whole answer (`data`): the root has no __typename. */
export type Data<T> = { [K in keyof T]: Answer<T[K]> };

type ListCustomer = Answer<CustomerListItemFieldsFragment>;
type CustomerPage = Data<CustomerListQuery>;
type ProfileCustomer = Answer<NonNullable<CustomerProfileQuery["customer"]>>;
type AppointmentPage = ProfileCustomer["upcomingAppointments"];
type ProfileAppointment = AppointmentPage["edges"][number]["node"];
type Communication = ProfileAppointment["communications"]["edges"][number]["node"];
type BlockRule = Answer<BlockRuleFieldsFragment>;
type AuditEntry = Answer<AuditEntryFieldsFragment>;
type HistoryPage = Answer<CustomerHistoryFieldsFragment["history"]>;
type DashboardAppointment = Answer<DashboardAppointmentFieldsFragment>;
type FieldDefinition = Answer<CustomFieldDefinitionFieldsFragment>;
export type SessionMe = Answer<SessionFieldsFragment>;

/** A userError of the customer and custom-field mutations. */
export const customerError = (field: string | null, message: string, code: CustomerErrorCode = "INVALID"): Answer<CustomerErrorFieldsFragment> => ({
  __typename: "CustomerError",
  field,
  message,
  code,
  existingCustomerId: null,
});

let counter = 0;
const nextId = (type: string) => btoa(`${type}:00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`);

export function listCustomer(overrides: Partial<ListCustomer> = {}): ListCustomer {
  return {
    __typename: "Customer",
    id: nextId("Customer"),
    displayName: "Anna Müller",
    email: "anna@example.ch",
    mobilePhone: "+41791234567",
    mobilePhoneDisplay: "079 123 45 67",
    landlinePhone: null,
    landlinePhoneDisplay: null,
    preferredLanguage: null,
    communicationStatus: "ALLOWED",
    emailEnabled: true,
    smsEnabled: true,
    isBlocked: false,
    lastVisitAt: null,
    nextAppointment: null,
    ...overrides,
  };
}

type Match = NonNullable<CustomerListQuery["customers"]["edges"][number]["match"]>;
/** A search match; the label defaults to the field's name, the score to 100. */
export type MatchFixture = Pick<Match, "field" | "value"> & Partial<Pick<Match, "label" | "score">> & { highlight: Match["highlight"] };

export function customerPage(
  customers: ListCustomer[],
  { totalCount = customers.length, hasNextPage = false, matches = [] as (MatchFixture | null)[] } = {},
): CustomerPage {
  return {
    customers: {
      __typename: "CustomerConnection",
      totalCount,
      pageInfo: {
        __typename: "PageInfo",
        hasNextPage,
        endCursor: customers.length ? `cursor-${customers[customers.length - 1].id}` : null,
      },
      edges: customers.map((node, index) => {
        const match = matches[index];
        return {
          __typename: "CustomerEdge",
          cursor: `cursor-${node.id}`,
          node,
          match: match
            ? {
                __typename: "SearchMatch",
                score: match.score ?? 100,
                field: match.field,
                label: match.label ?? match.field[0].toUpperCase() + match.field.slice(1),
                value: match.value,
                highlight: match.highlight ? { __typename: "Highlight", ...match.highlight } : null,
              }
            : null,
        };
      }),
    },
  };
}

export function communication(overrides: Partial<Communication> = {}): Communication {
  return {
    __typename: "Communication",
    id: nextId("Communication"),
    kind: "CONFIRMATION",
    medium: "EMAIL",
    recipient: "anna@example.ch",
    subject: "Your appointment confirmation",
    body: "Dear Anna,\n\nSee you on Monday.\n\nKind regards",
    status: "SENT",
    error: null,
    attempts: 1,
    parts: null,
    language: "en",
    dueAt: "2026-03-01T09:00:00+00:00",
    nextAttemptAt: null,
    sentAt: "2026-03-01T09:00:00+00:00",
    createdAt: "2026-03-01T09:00:00+00:00",
    ...overrides,
  };
}

export function appointment(overrides: Partial<ProfileAppointment> = {}, messages: Communication[] = []): ProfileAppointment {
  return {
    __typename: "Appointment",
    id: nextId("Appointment"),
    title: "Haircut – Anna Müller",
    services: ["Haircut"],
    startsAt: "2026-03-02T09:00:00+00:00",
    endsAt: "2026-03-02T09:45:00+00:00",
    allDay: false,
    location: "Main studio",
    status: "COMPLETED",
    notes: null,
    cancellationReason: null,
    source: null,
    readOnlyReason: null,
    communications: {
      __typename: "CommunicationConnection",
      totalCount: messages.length,
      edges: messages.map((node) => ({ __typename: "CommunicationEdge", node })),
    },
    ...overrides,
  };
}

/** A page of a customer's appointments (the profile's upcoming or past list). */
export function appointmentPage(
  nodes: ProfileAppointment[],
  { totalCount = nodes.length, hasNextPage = false }: { totalCount?: number; hasNextPage?: boolean } = {},
): AppointmentPage {
  return {
    __typename: "AppointmentConnection",
    totalCount,
    pageInfo: { __typename: "PageInfo", hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
    edges: nodes.map((node) => ({ __typename: "AppointmentEdge", node })),
  };
}

/**
 * A profile; `appointments` are split as the API does (upcoming: not ended by now, soonest
 * first; past: newest first).
 */
export function profileCustomer(overrides: Partial<ProfileCustomer> = {}, appointments: ProfileAppointment[] = [], now = new Date()): ProfileCustomer {
  const upcoming = appointments.filter((a) => new Date(a.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = appointments.filter((a) => new Date(a.endsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return {
    __typename: "Customer",
    id: nextId("Customer"),
    displayName: "Anna Müller",
    salutation: "Ms",
    firstName: "Anna",
    lastName: "Müller",
    email: "anna@example.ch",
    mobilePhone: "+41791234567",
    mobilePhoneDisplay: "079 123 45 67",
    landlinePhone: null,
    landlinePhoneDisplay: null,
    dateOfBirth: "1985-04-03",
    address: { __typename: "Address", street: "Bahnhofstrasse 1", postcode: "8001", city: "Zürich", country: "CH" },
    company: "Acme AG",
    notes: "Prefers afternoon slots.",
    preferredMedium: "EMAIL",
    preferredLanguage: "de-CH",
    communicationStatus: "ALLOWED",
    emailEnabled: true,
    smsEnabled: false,
    source: "MANUAL",
    createdAt: "2025-01-01T10:00:00+00:00",
    updatedAt: "2025-01-01T10:00:00+00:00",
    archivedAt: null,
    nameFromEmail: false,
    customFields: [
      { __typename: "CustomFieldValue", key: "vip", label: "VIP", type: "CHECKBOX", value: true, archived: false },
      { __typename: "CustomFieldValue", key: "visits", label: "Visits per year", type: "NUMBER", value: 4, archived: false },
    ],
    visitCount: 0,
    noShowCount: 0,
    cancellationCount: 0,
    lastVisitAt: null,
    nextAppointment: null,
    appointments: { __typename: "AppointmentConnection", totalCount: appointments.length },
    upcomingAppointments: appointmentPage(upcoming),
    pastAppointments: appointmentPage(past),
    isBlocked: false,
    blockRules: [],
    history: historyPage([]),
    ...overrides,
  };
}

export function blockRule(overrides: Partial<BlockRule> = {}): BlockRule {
  return {
    __typename: "BlockRule",
    id: nextId("BlockRule"),
    kind: "EMAIL",
    value: "anna@example.ch",
    reason: "No-shows",
    authorName: "Ada Admin",
    createdAt: "2026-03-01T09:00:00+00:00",
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    __typename: "AuditEntry",
    id: nextId("AuditEntry"),
    at: "2026-03-01T09:00:00+00:00",
    actorName: "Ada Admin",
    action: "UPDATED",
    changes: [],
    ...overrides,
  };
}

export function historyPage(
  entries: AuditEntry[],
  { totalCount = entries.length, hasNextPage = false }: { totalCount?: number; hasNextPage?: boolean } = {},
): HistoryPage {
  return {
    __typename: "AuditEntryConnection",
    totalCount,
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage,
      endCursor: entries.length ? `cursor-${entries[entries.length - 1].id}` : null,
    },
    edges: entries.map((node) => ({ __typename: "AuditEntryEdge", node })),
  };
}

/** A local time on a day relative to 23 Nov 2026 (the dashboard tests' "now"). */
export const at = (dayOffset: number, hour: number, minute = 0) => new Date(2026, 10, 23 + dayOffset, hour, minute).toISOString();

let n = 0;
/** An appointment as the dashboard and the toasts receive it. */
export function dashboardAppointment(overrides: Partial<DashboardAppointment> = {}): DashboardAppointment {
  n += 1;
  return {
    __typename: "Appointment",
    id: `QXBwb2ludG1lbnQ6${n}`,
    title: `Appointment ${n}`,
    services: [],
    startsAt: at(0, 9),
    endsAt: at(0, 10),
    allDay: false,
    location: "Studio",
    status: "SCHEDULED",
    notes: null,
    cancellationReason: null,
    source: null,
    readOnlyReason: null,
    createdAt: "2026-11-20T10:00:00+00:00",
    updatedAt: "2026-11-20T10:00:00+00:00",
    customer: { __typename: "Customer", id: `Q3VzdG9tZXI6${n}`, displayName: `Customer ${n}` },
    ...overrides,
  };
}

/** A custom field definition as the API sends it. */
export function fieldDefinition(overrides: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    __typename: "CustomFieldDefinition",
    id: nextId("CustomFieldDefinition"),
    key: "level",
    label: "Membership tier",
    type: "DROPDOWN",
    options: ["Gold", "Silver"],
    required: false,
    inBookingForm: false,
    archived: false,
    ...overrides,
  };
}
