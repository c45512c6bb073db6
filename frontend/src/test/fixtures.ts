// Response data as the API sends it (with __typename, which the cache needs).
import type { CommunicationStatus } from "../gql/graphql";

let counter = 0;
const nextId = (type: string) => btoa(`${type}:00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`);

export function listCustomer(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: "Customer",
    id: nextId("Customer"),
    displayName: "Anna Müller",
    email: "anna@example.ch",
    mobilePhone: "+41791234567",
    landlinePhone: null,
    communicationStatus: "ALLOWED" as CommunicationStatus,
    nextAppointment: null,
    ...overrides,
  };
}

export interface MatchFixture {
  field: string;
  label?: string;
  value: string;
  highlight: { start: number; end: number } | null;
  score?: number;
}

export function customerPage(
  customers: ReturnType<typeof listCustomer>[],
  { totalCount = customers.length, hasNextPage = false, matches = [] as (MatchFixture | null)[] } = {},
) {
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

export function communication(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: "Communication",
    id: nextId("Communication"),
    medium: "EMAIL",
    recipient: "anna@example.ch",
    subject: "Your appointment confirmation",
    body: "Dear Anna,\n\nSee you on Monday.\n\nKind regards",
    status: "SENT",
    error: null,
    attempts: 1,
    sentAt: "2026-03-01T09:00:00+00:00",
    createdAt: "2026-03-01T09:00:00+00:00",
    ...overrides,
  };
}

export function appointment(
  overrides: Partial<Record<string, unknown>> = {},
  messages: ReturnType<typeof communication>[] = [],
) {
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
    communications: {
      __typename: "CommunicationConnection",
      totalCount: messages.length,
      edges: messages.map((node) => ({ __typename: "CommunicationEdge", node })),
    },
    ...overrides,
  };
}

export function profileCustomer(
  overrides: Partial<Record<string, unknown>> = {},
  appointments: ReturnType<typeof appointment>[] = [],
) {
  return {
    __typename: "Customer",
    id: nextId("Customer"),
    displayName: "Anna Müller",
    salutation: "Ms",
    firstName: "Anna",
    lastName: "Müller",
    email: "anna@example.ch",
    mobilePhone: "+41791234567",
    landlinePhone: null,
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
    customFields: [
      { __typename: "CustomFieldValue", key: "vip", label: "VIP", type: "CHECKBOX", value: true, archived: false },
      { __typename: "CustomFieldValue", key: "visits", label: "Visits per year", type: "NUMBER", value: 4, archived: false },
    ],
    appointments: {
      __typename: "AppointmentConnection",
      totalCount: appointments.length,
      edges: appointments.map((node) => ({ __typename: "AppointmentEdge", node })),
    },
    isBlocked: false,
    blockRules: [] as ReturnType<typeof blockRule>[],
    history: historyPage([]),
    ...overrides,
  };
}

export function blockRule(overrides: Partial<Record<string, unknown>> = {}) {
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

export function auditEntry(overrides: Partial<Record<string, unknown>> = {}) {
  return {
    __typename: "AuditEntry",
    id: nextId("AuditEntry"),
    at: "2026-03-01T09:00:00+00:00",
    actorName: "Ada Admin",
    action: "UPDATED",
    changes: [] as { __typename: "FieldChange"; field: string; from: unknown; to: unknown }[],
    ...overrides,
  };
}

export function historyPage(
  entries: ReturnType<typeof auditEntry>[],
  { totalCount = entries.length, hasNextPage = false }: { totalCount?: number; hasNextPage?: boolean } = {},
) {
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
export function dashboardAppointment(overrides: Partial<Record<string, unknown>> = {}) {
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
    createdAt: "2026-11-20T10:00:00+00:00",
    updatedAt: "2026-11-20T10:00:00+00:00",
    customer: { __typename: "Customer", id: `Q3VzdG9tZXI6${n}`, displayName: `Customer ${n}` },
    ...overrides,
  };
}


/** A custom field definition as the API sends it. */
export function fieldDefinition(overrides: Partial<Record<string, unknown>> = {}) {
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
