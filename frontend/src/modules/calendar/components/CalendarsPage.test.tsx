import { act, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type {
  CalendarErrorCode,
  CalendarErrorFieldsFragment,
  CalendarSourceFieldsFragment,
  SyncRunFieldsFragment,
  SyncRunsQuery,
  UnmatchedAppointmentsQuery,
} from "../../../gql/graphql";
import type { Answer, Data } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CalendarsPage } from "./CalendarsPage";

type Source = Answer<CalendarSourceFieldsFragment>;
const source = (overrides: Partial<Source> = {}): Source => ({
  __typename: "CalendarSource",
  id: "Q2FsZW5kYXJTb3VyY2U6MQ==",
  name: "Studio Google",
  kind: "URL",
  url: "https://calendar.example.com/studio.ics",
  pollMinutes: 15,
  windowPastDays: 90,
  windowFutureDays: 365,
  ownDomains: ["studio.example"],
  lastSyncedAt: "2026-11-23T07:00:00+00:00",
  createdAt: "2026-11-01T07:00:00+00:00",
  ...overrides,
});

type Run = Answer<SyncRunFieldsFragment>;
const run = (overrides: Partial<Run> = {}): Run => ({
  __typename: "SyncRun",
  id: `U3luY1J1bjo${Math.random().toString(36).slice(2)}`,
  sourceId: "Q2FsZW5kYXJTb3VyY2U6MQ==",
  startedAt: "2026-11-23T07:00:00+00:00",
  finishedAt: "2026-11-23T07:00:02+00:00",
  eventsSeen: 12,
  appointmentsCreated: 3,
  appointmentsUpdated: 1,
  appointmentsCancelled: 0,
  customersCreated: 2,
  customersMatched: 1,
  error: null,
  ...overrides,
});

const runs = (nodes: Run[]): Data<SyncRunsQuery> => ({
  syncRuns: { __typename: "SyncRunConnection", totalCount: nodes.length, edges: nodes.map((node) => ({ __typename: "SyncRunEdge", node })) },
});

type Unmatched = Data<UnmatchedAppointmentsQuery>;
type UnmatchedAppointment = Unmatched["unmatchedAppointments"]["edges"][number]["node"];
const unmatched = (nodes: UnmatchedAppointment[] = []): Unmatched => ({
  unmatchedAppointments: {
    __typename: "AppointmentConnection",
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: "AppointmentEdge", node })),
  },
});

const calendarError = (field: string | null, message: string, code: CalendarErrorCode = "INVALID"): Answer<CalendarErrorFieldsFragment> => ({
  __typename: "CalendarError",
  field,
  message,
  code,
});

describe("CalendarsPage", () => {
  it("lists sources with their last runs (an error in red); read-only users get no actions and no forms", async () => {
    const api = mockClient(
      {
        CalendarSources: () => ({ calendarSources: [source(), source({ id: "Q2FsZW5kYXJTb3VyY2U6Mg==", name: "export.ics", kind: "UPLOAD", url: null })] }),
        SyncRuns: (variables) =>
          variables.sourceId === "Q2FsZW5kYXJTb3VyY2U6MQ==" ? runs([run(), run({ error: "HTTP 404 from the feed", finishedAt: "2026-11-23T06:00:00+00:00" })]) : runs([]),
        UnmatchedAppointments: () => unmatched(),
      },
      { cache: true },
    );
    renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) });
    const list = await screen.findByRole("list", { name: "Calendar sources" });
    expect(within(list).getByText("https://calendar.example.com/studio.ics")).toBeTruthy();
    expect(within(list).getByText("Uploaded file")).toBeTruthy();
    const studioRuns = await screen.findByRole("list", { name: "Last runs of Studio Google" });
    expect(within(studioRuns).getByText(/12 events seen · 3 created · 1 updated · 0 cancelled · 2 new customers · 1 matched/)).toBeTruthy();
    expect(within(studioRuns).getByText("Failed: HTTP 404 from the feed").className).toBe("run__error");
    expect(await screen.findByText("Not synced yet.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Sync .* now/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete / })).toBeNull();
    expect(screen.queryByRole("form", { name: "Add a calendar feed" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Upload a calendar file" })).toBeNull();
  });

  it("shows the API's userErrors at their fields when adding a feed", async () => {
    const api = mockClient(
      {
        CalendarSources: () => ({ calendarSources: [] }),
        UnmatchedAppointments: () => unmatched(),
        CalendarSourceCreate: () => ({
          calendarSourceCreate: {
            __typename: "CalendarSourcePayload",
            calendarSource: null,
            userErrors: [calendarError("url", "An http(s) or webcal URL is required."), calendarError("pollMinutes", "Between 5 and 1440 minutes.")],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]) });
    await screen.findByText("No calendars yet.");
    const form = screen.getByRole("form", { name: "Add a calendar feed" });
    await user.click(within(form).getByRole("button", { name: "Add calendar" }));
    // Checked before sending: name and URL are required.
    expect(within(form).getByText("Enter a name.")).toBeTruthy();
    expect(api.callsOf("CalendarSourceCreate")).toHaveLength(0);

    await user.type(within(form).getByLabelText("Name"), "Front desk");
    await user.type(within(form).getByLabelText("Feed URL"), "ftp://nope");
    await user.clear(within(form).getByLabelText("Check every (minutes)"));
    await user.type(within(form).getByLabelText("Check every (minutes)"), "2");
    await user.type(within(form).getByLabelText("Own email domains"), "@Studio.example, other.example");
    await user.click(within(form).getByRole("button", { name: "Add calendar" }));
    expect(await within(form).findByText("An http(s) or webcal URL is required.")).toBeTruthy();
    expect(within(form).getByLabelText("Feed URL").getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByLabelText("Check every (minutes)").getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText("Between 5 and 1440 minutes.")).toBeTruthy();
    expect(within(form).getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();
    expect(api.callsOf("CalendarSourceCreate")[0].variables).toEqual({
      input: { name: "Front desk", url: "ftp://nope", pollMinutes: 2, ownDomains: ["studio.example", "other.example"] },
    });
  });

  it("Sync now shows the run's figures or its error", async () => {
    let fail = false;
    const api = mockClient(
      {
        CalendarSources: () => ({ calendarSources: [source()] }),
        SyncRuns: () => runs([]),
        UnmatchedAppointments: () => unmatched(),
        CalendarSourceSync: () => ({
          calendarSourceSync: {
            __typename: "SyncPayload",
            syncRun: run(fail ? { error: "The feed is not an iCalendar file." } : {}),
            userErrors: fail ? [calendarError(null, "The sync failed.", "SYNC_FAILED")] : [],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]) });
    await user.click(await screen.findByRole("button", { name: "Sync Studio Google now" }));
    expect(await screen.findByText(/^12 events seen · 3 created/)).toBeTruthy();
    fail = true;
    await user.click(screen.getByRole("button", { name: "Sync Studio Google now" }));
    expect(await screen.findByText("Failed: The feed is not an iCalendar file.")).toBeTruthy();
  });

  it("deletes after a confirmation that appointments stay and the calendar is untouched", async () => {
    const api = mockClient(
      {
        CalendarSources: () => ({ calendarSources: [source()] }),
        SyncRuns: () => runs([]),
        UnmatchedAppointments: () => unmatched(),
        CalendarSourceDelete: () => ({ calendarSourceDelete: { __typename: "CalendarSourcePayload", userErrors: [] } }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]) });
    await user.click(await screen.findByRole("button", { name: "Delete Studio Google" }));
    const dialog = screen.getByRole("dialog", { name: "Delete calendar?" });
    expect(within(dialog).getByText(/appointments stay as history.*calendar\s+itself is never touched/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Delete calendar" }));
    expect(api.callsOf("CalendarSourceDelete")[0].variables).toEqual({ id: "Q2FsZW5kYXJTb3VyY2U6MQ==" });
  });

  it("links an unmatched appointment to a customer found by search; the row leaves the list", async () => {
    const appointment: UnmatchedAppointment = {
      __typename: "Appointment",
      id: "QXBwb2ludG1lbnQ6Nzc=",
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
    };
    const api = mockClient(
      {
        CalendarSources: () => ({ calendarSources: [] }),
        UnmatchedAppointments: () => unmatched([appointment]),
        CustomerPicker: () => ({
          customers: {
            __typename: "CustomerConnection",
            edges: [{ __typename: "CustomerEdge", node: { __typename: "Customer", id: "Q3VzdG9tZXI6NQ==", displayName: "Eva Example", email: "eva@example.com", mobilePhone: null } }],
          },
        }),
        AppointmentLinkCustomer: () => ({
          appointmentLinkCustomer: {
            __typename: "AppointmentLinkCustomerPayload",
            appointment: { ...appointment, createdAt: "2026-11-23T07:00:00Z", updatedAt: "2026-11-23T07:10:00Z", customer: { __typename: "Customer", id: "Q3VzdG9tZXI6NQ==", displayName: "Eva Example" } },
            userErrors: [],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS"]) });
    const list = await screen.findByRole("list", { name: "Unmatched appointments" });
    await user.click(within(list).getByRole("button", { name: "Link Walk-in to a customer" }));
    const dialog = screen.getByRole("dialog", { name: "Link to customer" });
    await user.type(within(dialog).getByLabelText("Find customer"), "eva");
    await user.click(await within(dialog).findByRole("button", { name: "Link to Eva Example" }));
    await act(async () => {});
    expect(api.callsOf("AppointmentLinkCustomer")[0].variables).toEqual({ appointmentId: "QXBwb2ludG1lbnQ6Nzc=", customerId: "Q3VzdG9tZXI6NQ==" });
    expect(api.callsOf("CustomerPicker")[0].variables).toEqual({ search: "eva" });
    expect(await screen.findByText("Walk-in is now linked to Eva Example.")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Unmatched appointments" })).toBeNull();
  });
});
