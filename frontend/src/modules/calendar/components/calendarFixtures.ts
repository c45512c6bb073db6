// Answers of the Calendars page's operations for its tests, typed by the generated types.
import type {
  CalendarErrorCode,
  CalendarErrorFieldsFragment,
  CalendarIgnoreRuleFieldsFragment,
  CalendarIgnoreRulesQuery,
  CalendarSourceFieldsFragment,
  OwnDomainsQuery,
  SyncRunFieldsFragment,
  SyncRunsQuery,
  UnmatchedAppointmentsQuery,
} from "../../../gql/graphql";
import type { Answer, Data } from "../../../test/fixtures";

export const SOURCE_ID = "Q2FsZW5kYXJTb3VyY2U6MQ==";

type Source = Answer<CalendarSourceFieldsFragment>;
export const source = (overrides: Partial<Source> = {}): Source => ({
  __typename: "CalendarSource",
  id: SOURCE_ID,
  name: "Studio Google",
  kind: "URL",
  url: "https://calendar.example.com/studio.ics",
  pollMinutes: 15,
  windowPastDays: 90,
  windowFutureDays: 365,
  ownDomains: ["studio.example"],
  allDates: false,
  cancelMissing: true,
  lastSyncedAt: "2026-11-23T07:00:00+00:00",
  createdAt: "2026-11-01T07:00:00+00:00",
  ...overrides,
});

type Run = Answer<SyncRunFieldsFragment>;
let runNumber = 0;
export const run = (overrides: Partial<Run> = {}): Run => ({
  __typename: "SyncRun",
  id: `U3luY1J1bjo${++runNumber}`,
  sourceId: SOURCE_ID,
  startedAt: "2026-11-23T07:00:00+00:00",
  finishedAt: "2026-11-23T07:00:02+00:00",
  eventsSeen: 12,
  appointmentsCreated: 3,
  appointmentsUpdated: 1,
  appointmentsCancelled: 0,
  customersCreated: 2,
  customersMatched: 1,
  eventsOutside: 0,
  eventsIgnored: 0,
  windowStart: "2026-08-25T07:00:00+00:00",
  windowEnd: "2027-11-23T07:00:00+00:00",
  error: null,
  errorDetail: null,
  ...overrides,
});

export const runs = (nodes: Run[]): Data<SyncRunsQuery> => ({
  syncRuns: { __typename: "SyncRunConnection", totalCount: nodes.length, edges: nodes.map((node) => ({ __typename: "SyncRunEdge", node })) },
});

type Unmatched = Data<UnmatchedAppointmentsQuery>;
export type UnmatchedAppointment = Unmatched["unmatchedAppointments"]["edges"][number]["node"];

let appointmentNumber = 0;
export const unmatchedAppointment = (overrides: Partial<UnmatchedAppointment> = {}): UnmatchedAppointment => ({
  __typename: "Appointment",
  id: btoa(`Appointment:${++appointmentNumber}`),
  title: "Walk-in",
  services: [],
  startsAt: "2026-11-24T09:00:00+00:00",
  endsAt: "2026-11-24T10:00:00+00:00",
  allDay: false,
  location: null,
  status: "SCHEDULED",
  notes: null,
  cancellationReason: null,
  source: null,
  readOnlyReason: null,
  ...overrides,
});

/**
 * The server's unmatched list: pages of `first` after the cursor (the cursor is the last row's
 * id), over whatever `rows()` holds at the time of asking.
 */
export const unmatchedServer =
  (rows: () => UnmatchedAppointment[]) =>
  (variables: Record<string, unknown>): Unmatched => {
    const all = rows();
    const size = typeof variables.first === "number" ? variables.first : 50;
    const start = variables.after ? all.findIndex((row) => row.id === variables.after) + 1 : 0;
    const page = all.slice(start, start + size);
    return {
      unmatchedAppointments: {
        __typename: "AppointmentConnection",
        totalCount: all.length,
        pageInfo: {
          __typename: "PageInfo",
          hasNextPage: start + size < all.length,
          endCursor: page.length ? page[page.length - 1].id : null,
        },
        edges: page.map((node) => ({ __typename: "AppointmentEdge", node })),
      },
    };
  };

export const unmatched = (nodes: UnmatchedAppointment[] = []) => unmatchedServer(() => nodes)({});

type Rule = Answer<CalendarIgnoreRuleFieldsFragment>;
export const ignoreRule = (titleContains: string, id = btoa(`CalendarIgnoreRule:${titleContains}`)): Rule => ({
  __typename: "CalendarIgnoreRule",
  id,
  titleContains,
  createdAt: "2026-11-20T08:00:00+00:00",
});

export const ignoreRules = (rules: Rule[] = []): Data<CalendarIgnoreRulesQuery> => ({ calendarIgnoreRules: rules });

export const ownDomains = (domains: string[] = [], suggestions: string[] = []): Data<OwnDomainsQuery> => ({
  me: { __typename: "Me", account: { __typename: "AccountSettings", slug: "demo", ownDomains: domains, ownDomainSuggestions: suggestions } },
});

export const calendarError = (field: string | null, message: string, code: CalendarErrorCode = "INVALID"): Answer<CalendarErrorFieldsFragment> => ({
  __typename: "CalendarError",
  field,
  message,
  code,
});

/** What every test of the whole page needs answered besides its own operations. */
export const pageBasics = {
  OwnDomains: () => ownDomains(),
  CalendarIgnoreRules: () => ignoreRules(),
  UnmatchedAppointments: () => unmatched(),
};
