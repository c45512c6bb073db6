// Normalised cache (graphcache): entities by __typename + id, plus the few updates that a
// mutation or a live event cannot express by itself (lists gaining or losing customers).
import { cacheExchange, type Cache, type CacheExchangeOpts } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";

/** Types without an id are stored inside their parent entity. */
const embedded = [
  "Address",
  "CustomFieldValue",
  "PageInfo",
  "CustomerError",
  "CustomerConnection",
  "CustomerEdge",
  "SearchMatch",
  "Highlight",
  "AppointmentConnection",
  "AppointmentEdge",
  "CommunicationConnection",
  "CommunicationEdge",
  "CustomerCreatePayload",
  "CustomerUpdatePayload",
  "CustomerDeletePayload",
  "CustomerChangedEvent",
  "Me",
  "LoginPayload",
  "LogoutPayload",
  "AccountError",
  "ApiTokenCreatePayload",
  "ApiTokenRevokePayload",
  "UserCreatePayload",
  "UserUpdatePayload",
  "RolePayload",
  "AccountSettingsUpdatePayload",
  "BlockPayload",
  "BlockError",
  "AuditEntryConnection",
  "AuditEntryEdge",
  "FieldChange",
  "BlockedBookingAttemptConnection",
  "BlockedBookingAttemptEdge",
  "CustomFieldDefinitionPayload",
  "CalendarError",
  "CalendarSourcePayload",
  "SyncPayload",
  "CalendarIgnoreRulePayload",
  "SyncRunConnection",
  "SyncRunEdge",
  "AppointmentLinkCustomerPayload",
  "ImportColumn",
  "ImportTarget",
  "ImportPreviewRow",
  "ImportValue",
  "ImportRowError",
  "ImportDuplicate",
  "ImportCounts",
  "ImportProgress",
  "CustomerImportPayload",
  "CustomerImportError",
  "AppointmentPayload",
  "AppointmentError",
  "BookingCreatePayload",
  "BookingError",
  "CommunicationPayload",
  "MessageError",
  "MessageTemplate",
  "MessageTemplatePayload",
  "MessageTemplatePreview",
  "TemplateProblem",
  "Preferences",
  "PreferencesUpdatePayload",
  "DuplicateCandidateConnection",
  "DuplicateCandidateEdge",
  "CandidateDismissPayload",
  "CustomerMergePreview",
  "CustomerMergeField",
  "CustomerMergeLeftover",
  "CustomerMergePayload",
  "CustomerMergeError",
  "CustomerUnmergePayload",
  "CustomerErasePayload",
];

/** Drops every cached page of every customer list, so visible lists fetch afresh. */
export function invalidateCustomerLists(cache: Cache): void {
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName === "customers") cache.invalidate("Query", field.fieldKey);
  }
}

type Data = Record<string, unknown>;

function payload(result: Data, name: string): Data | null {
  const value = result[name];
  return value && typeof value === "object" ? (value as Data) : null;
}

/** Drops a root list (e.g. `apiTokens`), so the page showing it fetches it again. */
export function invalidateRootField(cache: Cache, fieldName: string): void {
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName === fieldName) cache.invalidate("Query", field.fieldKey);
  }
}

/** A block rule came or went: every cached customer's blocking state may have changed. */
export function invalidateBlocking(cache: Cache): void {
  invalidateRootField(cache, "blockRules");
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName !== "customer" || typeof field.arguments?.id !== "string") continue;
    const customer = { __typename: "Customer", id: field.arguments.id };
    cache.invalidate(customer, "isBlocked");
    cache.invalidate(customer, "blockRules");
  }
}

/** A sync ran (or a source changed): the sources, their runs and the appointment lists refetch. */
export function invalidateCalendar(cache: Cache): void {
  for (const name of ["calendarSources", "syncRuns", "upcomingAppointments", "unmatchedAppointments"]) {
    invalidateRootField(cache, name);
  }
}

/** A custom field definition changed: the definition lists and every cached customer's values. */
export function invalidateCustomFields(cache: Cache): void {
  invalidateRootField(cache, "customFieldDefinitions");
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName !== "customer" || typeof field.arguments?.id !== "string") continue;
    cache.invalidate({ __typename: "Customer", id: field.arguments.id }, "customFields");
  }
}

/**
 * A message was queued (sent by staff, or sent again): the message lists (Customer.communications)
 * of that customer, or of every cached customer when it is not known, fetch afresh. Only the
 * Messages tab shows these fields, so the profile's own query keeps its data meanwhile.
 */
export function invalidateMessages(cache: Cache, customerId?: string): void {
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName !== "customer" || typeof field.arguments?.id !== "string") continue;
    if (customerId !== undefined && field.arguments.id !== customerId) continue;
    const customer = { __typename: "Customer", id: field.arguments.id };
    for (const own of cache.inspectFields(customer)) {
      if (own.fieldName === "communications") cache.invalidate(customer, own.fieldKey);
    }
  }
}

/**
 * An appointment was made, moved or changed status: the customer lists (last visit, next
 * appointment) and the dashboard fetch afresh. The customer's own profile refetches itself after
 * its actions (AppointmentsPanel's onChanged) and fetches afresh whenever it is opened, so its
 * cached fields are not dropped here (dropping fields of the query on screen left it empty
 * while the refetch and the profile's live refetch raced).
 */
export function invalidateAppointmentLists(cache: Cache): void {
  invalidateCustomerLists(cache);
  invalidateRootField(cache, "upcomingAppointments");
}

/** The mutations that make or change an appointment (each returns an AppointmentPayload). */
export const APPOINTMENT_MUTATIONS = [
  "appointmentCreate",
  "appointmentReschedule",
  "appointmentCancel",
  "appointmentComplete",
  "appointmentMarkNoShow",
  "appointmentConfirm",
  "appointmentDecline",
] as const;

function appointmentChanged(name: string) {
  return (result: Data, _args: unknown, cache: Cache) => {
    if (payload(result, name)?.appointment && succeeded(result, name)) invalidateAppointmentLists(cache);
  };
}

function succeeded(result: Data, name: string): boolean {
  const errors = payload(result, name)?.userErrors;
  return Array.isArray(errors) && errors.length === 0;
}

export const cacheConfig: CacheExchangeOpts = {
  keys: {
    ...Object.fromEntries(embedded.map((name) => [name, () => null])),
    // One account per session: keyed by slug, so accountSettingsUpdate updates `me.account`.
    AccountSettings: (data) => (typeof data.slug === "string" ? data.slug : null),
  },
  resolvers: {
    Query: {
      customers: relayPagination(),
      customer: (_parent, args) => ({ __typename: "Customer", id: args.id as string }),
    },
  },
  updates: {
    ImportJob: {
      // However the finished job arrives (live, polled, cancelled, undone): the import
      // created, changed or removed customers, so the lists fetch afresh.
      status(parent, _args, cache) {
        if (["SUCCEEDED", "FAILED", "CANCELLED", "UNDONE"].includes(parent.status as string)) invalidateCustomerLists(cache);
      },
    },
    Mutation: {
      ...Object.fromEntries(APPOINTMENT_MUTATIONS.map((name) => [name, appointmentChanged(name)])),
      customerCreate(result, _args, cache) {
        if (payload(result, "customerCreate")?.customer) invalidateCustomerLists(cache);
      },
      customerUpdate(result, _args, cache) {
        // A changed name or status can move the customer within or out of a list.
        if (payload(result, "customerUpdate")?.customer) invalidateCustomerLists(cache);
      },
      customerDelete(result, _args, cache) {
        const deletedId = payload(result, "customerDelete")?.deletedId;
        if (typeof deletedId !== "string") return;
        cache.invalidate({ __typename: "Customer", id: deletedId });
        invalidateCustomerLists(cache);
      },
      customerMerge(result, args, cache) {
        // The merged customer is gone; the kept one gained appointments, messages and history.
        if (!payload(result, "customerMerge")?.merge) return;
        cache.invalidate({ __typename: "Customer", id: args.mergeId as string });
        cache.invalidate({ __typename: "Customer", id: args.keepId as string });
        invalidateCustomerLists(cache);
        invalidateRootField(cache, "duplicateCandidates");
      },
      customerUnmerge(result, _args, cache) {
        // The profile on screen refetches itself (its history's onChanged); dropping its fields
        // here would blank it meanwhile (see invalidateAppointmentLists).
        if (!payload(result, "customerUnmerge")?.merge) return;
        invalidateCustomerLists(cache);
        invalidateRootField(cache, "duplicateCandidates");
      },
      customerErase(result, args, cache) {
        if (!payload(result, "customerErase")?.erased) return;
        cache.invalidate({ __typename: "Customer", id: args.id as string });
        invalidateCustomerLists(cache);
        invalidateRootField(cache, "duplicateCandidates");
      },
      candidateDismiss(result, _args, cache) {
        if (succeeded(result, "candidateDismiss")) invalidateRootField(cache, "duplicateCandidates");
      },
      apiTokenCreate(result, _args, cache) {
        if (payload(result, "apiTokenCreate")?.apiToken) invalidateRootField(cache, "apiTokens");
      },
      userCreate(result, _args, cache) {
        if (payload(result, "userCreate")?.user) invalidateRootField(cache, "users");
      },
      roleCreate(result, _args, cache) {
        if (payload(result, "roleCreate")?.role) invalidateRootField(cache, "roles");
      },
      roleDelete(result, _args, cache) {
        // The payload's role is null after a deletion: success is the absence of userErrors.
        const errors = payload(result, "roleDelete")?.userErrors;
        if (Array.isArray(errors) && errors.length === 0) invalidateRootField(cache, "roles");
      },
      blockRuleCreate(result, _args, cache) {
        const rules = payload(result, "blockRuleCreate")?.blockRules;
        if (Array.isArray(rules) && rules.length > 0) invalidateBlocking(cache);
      },
      blockRuleDelete(result, _args, cache) {
        if (payload(result, "blockRuleDelete")?.removedCount) invalidateBlocking(cache);
      },
      customerBlock(result, _args, cache) {
        if (payload(result, "customerBlock")?.customer) invalidateRootField(cache, "blockRules");
      },
      calendarSourceCreate(result, _args, cache) {
        if (payload(result, "calendarSourceCreate")?.calendarSource) invalidateRootField(cache, "calendarSources");
      },
      calendarSourceDelete(result, args, cache) {
        if (!succeeded(result, "calendarSourceDelete")) return;
        cache.invalidate({ __typename: "CalendarSource", id: args.id as string });
        invalidateRootField(cache, "calendarSources");
      },
      calendarSourceSync(result, _args, cache) {
        if (payload(result, "calendarSourceSync")?.syncRun) invalidateCalendar(cache);
      },
      calendarUpload(result, _args, cache) {
        // An upload may create its source; a failed run is still a run to list.
        if (payload(result, "calendarUpload")?.syncRun) invalidateCalendar(cache);
      },
      appointmentLinkCustomer(result, _args, cache) {
        if (succeeded(result, "appointmentLinkCustomer")) invalidateRootField(cache, "unmatchedAppointments");
      },
      customFieldDefinitionCreate(result, _args, cache) {
        if (payload(result, "customFieldDefinitionCreate")?.customFieldDefinition) invalidateCustomFields(cache);
      },
      customFieldDefinitionUpdate(result, _args, cache) {
        // Archiving or restoring moves it in or out of the active list; labels show on profiles.
        if (payload(result, "customFieldDefinitionUpdate")?.customFieldDefinition) invalidateCustomFields(cache);
      },
      customFieldDefinitionDelete(result, args, cache) {
        if (!succeeded(result, "customFieldDefinitionDelete")) return;
        if (!payload(result, "customFieldDefinitionDelete")?.archivedInstead) {
          cache.invalidate({ __typename: "CustomFieldDefinition", id: args.id as string });
        }
        invalidateCustomFields(cache);
      },
      customerUnblock(result, _args, cache) {
        if (payload(result, "customerUnblock")?.customer) invalidateRootField(cache, "blockRules");
      },
      messageSend(result, args, cache) {
        if (payload(result, "messageSend")?.communication) invalidateMessages(cache, args.customerId as string);
      },
      communicationResend(result, _args, cache) {
        // The answer does not name the customer: every cached message list fetches afresh.
        if (payload(result, "communicationResend")?.communication) invalidateMessages(cache);
      },
      messageTemplateUpdate(result, _args, cache) {
        if (payload(result, "messageTemplateUpdate")?.template) invalidateRootField(cache, "messageTemplates");
      },
      messageTemplateReset(result, _args, cache) {
        if (payload(result, "messageTemplateReset")?.template) invalidateRootField(cache, "messageTemplates");
      },
    },
    Subscription: {
      syncRunFinished(result, _args, cache) {
        if (payload(result, "syncRunFinished")) {
          invalidateRootField(cache, "syncRuns");
          invalidateRootField(cache, "calendarSources");
          invalidateRootField(cache, "unmatchedAppointments");
        }
      },
      customerChanged(result, _args, cache) {
        const event = payload(result, "customerChanged");
        if (!event) return;
        if (event.kind === "DELETED" && typeof event.customerId === "string") {
          cache.invalidate({ __typename: "Customer", id: event.customerId });
        }
        if (event.kind !== "UPDATED") invalidateCustomerLists(cache);
      },
    },
  },
};

export function createCacheExchange() {
  return cacheExchange(cacheConfig);
}
