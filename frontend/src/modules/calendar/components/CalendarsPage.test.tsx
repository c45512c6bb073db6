import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { calendarError, pageBasics, run, runs, source, SOURCE_ID, unmatched, unmatchedAppointment, unmatchedServer } from "./calendarFixtures";
import { CalendarsPage } from "./CalendarsPage";

const UPLOAD_ID = "Q2FsZW5kYXJTb3VyY2U6Mg==";
const MANAGER = withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]);

describe("CalendarsPage", () => {
  it("lists sources with their last runs (ignored events counted, an error in red with its details); read-only users get no actions and no forms", async () => {
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({
          calendarSources: [source(), source({ id: UPLOAD_ID, name: "export.ics", kind: "UPLOAD", url: null, allDates: true, cancelMissing: false })],
        }),
        SyncRuns: (variables) =>
          variables.sourceId === SOURCE_ID
            ? runs([
                run({ eventsIgnored: 2, eventsOutside: 4 }),
                run({ error: "The feed was not found (HTTP 404).", errorDetail: "GET https://calendar.example.com/studio.ics: 404 Not Found", finishedAt: "2026-11-23T06:00:00+00:00" }),
              ])
            : runs([]),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) });
    const list = await screen.findByRole("list", { name: "Calendar sources" });
    expect(within(list).getByText("https://calendar.example.com/studio.ics")).toBeTruthy();
    expect(within(list).getByText("Uploaded file")).toBeTruthy();
    expect(within(list).getByText(/checked every 15 min · 90 days back, 365 ahead · own domains: studio.example/)).toBeTruthy();
    expect(within(list).getByText(/Last synced: .* · every date · adds and changes only · own domains/)).toBeTruthy();
    const studioRuns = await screen.findByRole("list", { name: "Last runs of Studio Google" });
    expect(within(studioRuns).getByText("12 events seen · 3 created · 1 updated · 0 cancelled · 2 new customers · 1 matched · 2 ignored")).toBeTruthy();
    // What was left out is said, but only managers get the action that fixes it.
    expect(within(studioRuns).getByText(/^4 events lie outside the synced dates \(25 Aug 2026 – 23 Nov 2027\) and were not synced\./)).toBeTruthy();
    expect(within(studioRuns).queryByRole("button")).toBeNull();
    expect(within(studioRuns).getByText("Failed: The feed was not found (HTTP 404).").className).toBe("run__error");
    const details = within(studioRuns).getByText("Technical details");
    expect(within(studioRuns).getByText("GET https://calendar.example.com/studio.ics: 404 Not Found")).toBeTruthy();
    expect(details.closest("details")?.open).toBe(false);
    await user.click(details);
    expect(details.closest("details")?.open).toBe(true);
    expect(await screen.findByText("Not synced yet.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Sync .* now/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Delete / })).toBeNull();
    expect(screen.queryByRole("form", { name: "Add a calendar feed" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Upload a calendar file" })).toBeNull();
  });

  it("shows the API's userErrors at their fields when adding a feed, and sends the dates and removal choices", async () => {
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [] }),
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
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    await screen.findByText("No calendars yet.");
    const form = screen.getByRole("form", { name: "Add a calendar feed" });
    await user.click(within(form).getByRole("button", { name: "Add calendar" }));
    // Checked before sending: name and URL are required.
    expect(within(form).getByText("Enter a name.")).toBeTruthy();
    expect(api.callsOf("CalendarSourceCreate")).toHaveLength(0);

    const dates = within(form).getByRole("group", { name: "Dates synced" });
    expect((within(dates).getByLabelText("The window (90 days back, 365 ahead)") as HTMLInputElement).checked).toBe(true);
    await user.clear(within(form).getByLabelText("Days back"));
    await user.type(within(form).getByLabelText("Days back"), "30");
    expect(within(dates).getByLabelText("The window (30 days back, 365 ahead)")).toBeTruthy();
    await user.clear(within(form).getByLabelText("Days ahead"));
    await user.type(within(form).getByLabelText("Days ahead"), "99999");
    await user.type(within(form).getByLabelText("Name"), "Front desk");
    await user.type(within(form).getByLabelText("Feed URL"), "ftp://nope");
    await user.click(within(form).getByRole("button", { name: "Add calendar" }));
    expect(within(form).getByLabelText("Days ahead").getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText("Enter whole days (0 to 3650).")).toBeTruthy();
    expect(api.callsOf("CalendarSourceCreate")).toHaveLength(0);

    await user.clear(within(form).getByLabelText("Days ahead"));
    await user.type(within(form).getByLabelText("Days ahead"), "400");
    await user.click(within(dates).getByLabelText("Every date in the feed"));
    expect(within(form).queryByLabelText("Days back")).toBeNull();
    expect(within(form).getByText("Repeating events without an end stop this far ahead.")).toBeTruthy();
    const cancelMissing = within(form).getByLabelText("This calendar lists every event (events missing from it are cancelled)") as HTMLInputElement;
    expect(cancelMissing.checked).toBe(true);
    await user.click(cancelMissing);
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
      input: {
        name: "Front desk",
        url: "ftp://nope",
        pollMinutes: 2,
        ownDomains: ["studio.example", "other.example"],
        allDates: true,
        cancelMissing: false,
        windowPastDays: 30,
        windowFutureDays: 400,
      },
    });
  });

  it("Sync now shows the run's figures or its error with the technical details", async () => {
    let fail = false;
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [source()] }),
        SyncRuns: () => runs([]),
        CalendarSourceSync: () => ({
          calendarSourceSync: {
            __typename: "SyncPayload",
            syncRun: run(fail ? { error: "The feed is not an iCalendar file.", errorDetail: "line 1: expected BEGIN:VCALENDAR" } : {}),
            userErrors: fail ? [calendarError(null, "The sync failed.", "SYNC_FAILED")] : [],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    await user.click(await screen.findByRole("button", { name: "Sync Studio Google now" }));
    expect(await screen.findByText(/^12 events seen · 3 created/)).toBeTruthy();
    fail = true;
    await user.click(screen.getByRole("button", { name: "Sync Studio Google now" }));
    expect(await screen.findByText("Failed: The feed is not an iCalendar file.")).toBeTruthy();
    expect(screen.getByText("Technical details")).toBeTruthy();
    expect(screen.getByText("line 1: expected BEGIN:VCALENDAR")).toBeTruthy();
  });

  it("a feed's run that left events out offers “Widen the window”: the source's form opens at the dates synced", async () => {
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [source()] }),
        SyncRuns: () => runs([run({ eventsOutside: 1 }), run({ eventsOutside: 7 })]),
        CalendarSourceUpdate: () => ({
          calendarSourceUpdate: { __typename: "CalendarSourcePayload", calendarSource: source({ allDates: true }), userErrors: [] },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    const runList = await screen.findByRole("list", { name: "Last runs of Studio Google" });
    expect(within(runList).getByText(/^1 event lies outside the synced dates \(25 Aug 2026 – 23 Nov 2027\) and was not synced\./)).toBeTruthy();
    expect(within(runList).getByText(/^7 events lie outside/)).toBeTruthy();
    // The action only on the newest run.
    expect(within(runList).getAllByRole("button")).toHaveLength(1);
    await user.click(within(runList).getByRole("button", { name: "Widen the window of Studio Google" }));
    const form = screen.getByRole("form", { name: "Edit Studio Google" });
    const windowChoice = within(form).getByLabelText("The window (90 days back, 365 ahead)");
    expect(document.activeElement).toBe(windowChoice);
    await user.click(within(form).getByLabelText("Every date in the feed"));
    await user.click(within(form).getByRole("button", { name: "Save calendar" }));
    await waitFor(() => expect(api.callsOf("CalendarSourceUpdate")).toHaveLength(1));
    expect(api.callsOf("CalendarSourceUpdate")[0].variables).toEqual({
      id: SOURCE_ID,
      input: {
        name: "Studio Google",
        url: "https://calendar.example.com/studio.ics",
        pollMinutes: 15,
        ownDomains: ["studio.example"],
        allDates: true,
        cancelMissing: true,
        windowPastDays: 90,
        windowFutureDays: 365,
      },
    });
    expect(await screen.findByText(/checked every 15 min · every date/)).toBeTruthy();
  });

  it("an uploaded file's run that left events out offers “Sync every date” and then says to upload it again", async () => {
    let allDates = false;
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [source({ id: UPLOAD_ID, name: "export.ics", kind: "UPLOAD", url: null, allDates })] }),
        SyncRuns: () => runs([run({ sourceId: UPLOAD_ID, eventsOutside: 12, windowStart: "2026-09-01T10:00:00+00:00", windowEnd: "2027-11-30T10:00:00+00:00" })]),
        CalendarSourceUpdate: () => {
          allDates = true;
          return { calendarSourceUpdate: { __typename: "CalendarSourcePayload", calendarSource: source({ id: UPLOAD_ID, name: "export.ics", kind: "UPLOAD", url: null, allDates }), userErrors: [] } };
        },
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    const runList = await screen.findByRole("list", { name: "Last runs of export.ics" });
    expect(within(runList).getByText(/^12 events lie outside the synced dates \(1 Sept 2026 – 30 Nov 2027\) and were not synced\./)).toBeTruthy();
    await user.click(within(runList).getByRole("button", { name: "Sync every date of export.ics" }));
    expect(await within(runList).findByText("Every date of the file is synced from now on: upload it again to add these events.")).toBeTruthy();
    expect(api.callsOf("CalendarSourceUpdate")[0].variables).toEqual({ id: UPLOAD_ID, input: { allDates: true } });
    expect(within(runList).queryByRole("button")).toBeNull();
    expect(await screen.findByText(/Last synced: .* · every date · own domains/)).toBeTruthy();
  });

  it("uploads with this file's choices; a run that left events out offers “Sync every date”, which also resets the choice", async () => {
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [] }),
        CalendarUpload: () => ({
          calendarUpload: { __typename: "SyncPayload", syncRun: run({ sourceId: UPLOAD_ID, eventsOutside: 3, eventsIgnored: 1 }), userErrors: [] },
        }),
        CalendarSourceUpdate: () => ({
          calendarSourceUpdate: { __typename: "CalendarSourcePayload", calendarSource: source({ id: UPLOAD_ID, kind: "UPLOAD", url: null, allDates: true }), userErrors: [] },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    const form = await screen.findByRole("form", { name: "Upload a calendar file" });
    const everyDate = within(form).getByLabelText("Every date in the file") as HTMLInputElement;
    const whole = within(form).getByLabelText("This file is the whole calendar (events of earlier uploads missing from it are cancelled)") as HTMLInputElement;
    expect(everyDate.checked && whole.checked).toBe(true);
    const file = new File(["BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"], "export.ics", { type: "text/calendar" });
    await user.upload(within(form).getByLabelText("Calendar file (.ics)"), file);
    await user.click(within(form).getByLabelText("Only the window (the calendar's days back and ahead)"));
    await user.click(within(form).getByLabelText("This file only adds and changes events"));
    await user.click(within(form).getByRole("button", { name: "Upload and sync" }));
    const result = await within(form).findByTestId("upload-result");
    await waitFor(() => expect(result.textContent).toMatch(/^Synced\. 12 events seen · .* · 1 ignored/));
    expect(api.callsOf("CalendarUpload")[0].variables).toMatchObject({ name: null, allDates: false, cancelMissing: false });
    expect(within(result).getByText(/^3 events lie outside the synced dates/)).toBeTruthy();
    await user.click(within(result).getByRole("button", { name: "Sync every date" }));
    expect(await within(result).findByText("Every date of the file is synced from now on: upload it again to add these events.")).toBeTruthy();
    expect(api.callsOf("CalendarSourceUpdate")[0].variables).toEqual({ id: UPLOAD_ID, input: { allDates: true } });
    expect(everyDate.checked).toBe(true);
  });

  it("deletes after a confirmation that appointments stay and the calendar is untouched", async () => {
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [source()] }),
        SyncRuns: () => runs([]),
        CalendarSourceDelete: () => ({ calendarSourceDelete: { __typename: "CalendarSourcePayload", userErrors: [] } }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    await user.click(await screen.findByRole("button", { name: "Delete Studio Google" }));
    const dialog = screen.getByRole("dialog", { name: "Delete calendar?" });
    expect(within(dialog).getByText(/appointments stay as history.*calendar\s+itself is never touched/)).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Delete calendar" }));
    expect(api.callsOf("CalendarSourceDelete")[0].variables).toEqual({ id: SOURCE_ID });
  });

  it("links an unmatched appointment to a customer found by search; the row leaves the list and the count drops", async () => {
    const walkIn = unmatchedAppointment({ title: "Walk-in" });
    const other = unmatchedAppointment({ title: "Phone call" });
    let rows = [walkIn, other];
    const api = mockClient(
      {
        ...pageBasics,
        CalendarSources: () => ({ calendarSources: [] }),
        UnmatchedAppointments: unmatchedServer(() => rows),
        CustomerPicker: () => ({
          customers: {
            __typename: "CustomerConnection",
            edges: [{ __typename: "CustomerEdge", node: { __typename: "Customer", id: "Q3VzdG9tZXI6NQ==", displayName: "Eva Example", email: "eva@example.com", mobilePhone: null } }],
          },
        }),
        AppointmentLinkCustomer: () => {
          rows = [other];
          return {
            appointmentLinkCustomer: {
              __typename: "AppointmentLinkCustomerPayload",
              appointment: { ...walkIn, createdAt: "2026-11-23T07:00:00Z", updatedAt: "2026-11-23T07:10:00Z", customer: { __typename: "Customer", id: "Q3VzdG9tZXI6NQ==", displayName: "Eva Example" } },
              userErrors: [],
            },
          };
        },
      },
      { cache: true },
    );
    const { user } = renderPage(<CalendarsPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS"]) });
    const list = await screen.findByRole("list", { name: "Unmatched appointments" });
    expect(screen.getByRole("heading", { name: "Unmatched appointments (2)" })).toBeTruthy();
    // Without manage:settings, no ignore rules are made.
    expect(within(list).queryByRole("button", { name: /Ignore events like this/ })).toBeNull();
    await user.click(within(list).getByRole("button", { name: "Link to customer (Walk-in)" }));
    const dialog = screen.getByRole("dialog", { name: "Link to customer" });
    await user.type(within(dialog).getByLabelText("Find customer"), "eva");
    await user.click(await within(dialog).findByRole("button", { name: "Link to Eva Example" }));
    await act(async () => {});
    expect(api.callsOf("AppointmentLinkCustomer")[0].variables).toEqual({ appointmentId: walkIn.id, customerId: "Q3VzdG9tZXI6NQ==" });
    expect(api.callsOf("CustomerPicker")[0].variables).toEqual({ search: "eva" });
    expect(await screen.findByText("Walk-in is now linked to Eva Example.")).toBeTruthy();
    expect(within(list).queryByText("Walk-in")).toBeNull();
    // The cache asks afresh; before and after, the count is what is listed.
    await waitFor(() => expect(api.callsOf("UnmatchedAppointments").length).toBeGreaterThan(1));
    expect(await screen.findByRole("heading", { name: "Unmatched appointments (1)" })).toBeTruthy();
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
  });

  it("says when every synced appointment has its customer", async () => {
    const api = mockClient({ ...pageBasics, CalendarSources: () => ({ calendarSources: [] }), UnmatchedAppointments: () => unmatched() }, { cache: true });
    renderPage(<CalendarsPage />, { client: api.client, wrap: MANAGER });
    expect(await screen.findByText("Every synced appointment has its customer.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Unmatched appointments (0)" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Your business's email domains" })).toBeTruthy();
    expect(await screen.findByText("No events are ignored.")).toBeTruthy();
  });
});
