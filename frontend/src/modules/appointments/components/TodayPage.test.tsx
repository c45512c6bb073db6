import { act, screen, waitFor, within } from "@testing-library/react";
import { withSession } from "../../../test/session";
import { describe, expect, it } from "vitest";
import { mockClient } from "../../../test/mockClient";
import type { UpcomingAppointmentsQuery } from "../../../gql/graphql";
import { at, dashboardAppointment, type Data } from "../../../test/fixtures";
import { renderPage } from "../../../test/render";
import { TodayPage } from "./TodayPage";

// Local times (the dashboard shows the browser's zone), so the test holds in every zone.
const NOW = new Date(2026, 10, 23, 8, 0);

const page = (nodes: ReturnType<typeof dashboardAppointment>[]): Data<UpcomingAppointmentsQuery> => ({
  upcomingAppointments: {
    __typename: "AppointmentConnection",
    totalCount: nodes.length,
    pageInfo: { __typename: "PageInfo", hasNextPage: false },
    edges: nodes.map((node) => ({ __typename: "AppointmentEdge", node })),
  },
});

const titles = (list: HTMLElement) => within(list).getAllByRole("listitem").map((row) => row.querySelector(".day__title")?.textContent);

describe("TodayPage", () => {
  it("groups by Today, Tomorrow and dates; an unmatched appointment says so", async () => {
    const api = mockClient(
      {
        UpcomingAppointments: () =>
          page([
            dashboardAppointment({ title: "Cut", startsAt: at(0, 9), endsAt: at(0, 9, 45) }),
            dashboardAppointment({ title: "Colour", startsAt: at(1, 14), endsAt: at(1, 15), customer: null }),
            dashboardAppointment({ title: "Retreat", startsAt: "2026-11-30T00:00:00+00:00", endsAt: "2026-12-01T00:00:00+00:00", allDay: true }),
          ]),
      },
      { cache: true },
    );
    renderPage(<TodayPage now={NOW} />, { client: api.client });
    const today = await screen.findByRole("list", { name: /Today/ });
    expect(titles(today)).toEqual(["Cut"]);
    expect(within(today).getByRole("link", { name: "Customer 1" }).getAttribute("href")).toMatch(/^\/customers\//);
    const tomorrow = screen.getByRole("list", { name: /Tomorrow/ });
    expect(within(tomorrow).getByText("Unmatched")).toBeTruthy();
    const later = screen.getByRole("list", { name: /Mon, 30 Nov 2026/ });
    expect(within(later).getByText("All Day")).toBeTruthy();
    // `from` is midnight (local, or UTC if earlier) of the day the page opened.
    expect(new Date(api.callsOf("UpcomingAppointments")[0].variables!.from as string).getTime()).toBeLessThanOrEqual(new Date(2026, 10, 23).getTime());
  });

  it("inserts a live appointment in time order and updates a changed one in place, without refetching", async () => {
    const first = dashboardAppointment({ title: "Early", startsAt: at(0, 9), endsAt: at(0, 10) });
    const last = dashboardAppointment({ title: "Late", startsAt: at(0, 17), endsAt: at(0, 18) });
    const api = mockClient({ UpcomingAppointments: () => page([first, last]) }, { cache: true });
    renderPage(<TodayPage now={NOW} />, { client: api.client });
    const today = await screen.findByRole("list", { name: /Today/ });
    expect(titles(today)).toEqual(["Early", "Late"]);

    const fresh = dashboardAppointment({ title: "Noon", startsAt: at(0, 12), endsAt: at(0, 13), createdAt: "2026-11-23T07:00:00Z", updatedAt: "2026-11-23T07:00:00Z" });
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: fresh }));
    expect(titles(screen.getByRole("list", { name: /Today/ }))).toEqual(["Early", "Noon", "Late"]);

    await act(async () =>
      api.emit("AppointmentSynced", { appointmentSynced: { ...first, title: "Early (moved)", startsAt: at(0, 15), endsAt: at(0, 16), status: "CANCELLED", updatedAt: "2026-11-23T07:05:00Z" } }),
    );
    const rows = titles(screen.getByRole("list", { name: /Today/ }));
    expect(rows).toEqual(["Noon", "Early (moved)", "Late"]);
    expect(screen.getByText("Cancelled")).toBeTruthy();

    // A live appointment on a later day gets its own group.
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Next week", startsAt: at(7, 10), endsAt: at(7, 11) }) }));
    expect(screen.getByRole("list", { name: /Mon, 30 Nov 2026/ })).toBeTruthy();
    expect(api.callsOf("UpcomingAppointments")).toHaveLength(1);
  });

  it("says so when there is nothing, and offers a retry on failure", async () => {
    let fail = true;
    const api = mockClient({ UpcomingAppointments: () => (fail ? new Error("boom") : page([])) });
    const { user } = renderPage(<TodayPage now={NOW} />, { client: api.client });
    await screen.findByText("The appointments could not be loaded.");
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No appointments today or later.")).toBeTruthy();
  });

  it("offers Confirm and Decline on an online request and sends them", async () => {
    const request = dashboardAppointment({ title: "Online request", status: "REQUESTED", startsAt: at(0, 11), endsAt: at(0, 12) });
    const api = mockClient(
      {
        UpcomingAppointments: () => page([request]),
        AppointmentConfirm: () => ({
          appointmentConfirm: { __typename: "AppointmentPayload", appointment: { ...request, status: "SCHEDULED", updatedAt: "2026-11-23T07:30:00Z" }, customerBlocked: false, userErrors: [] },
        }),
        AppointmentDecline: () => ({
          appointmentDecline: {
            __typename: "AppointmentPayload",
            appointment: null,
            customerBlocked: false,
            userErrors: [{ __typename: "AppointmentError", field: "id", message: "The appointment is cancelled; it cannot be declined.", code: "INVALID_STATE" }],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<TodayPage now={NOW} />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS"]) });
    const today = await screen.findByRole("list", { name: /Today/ });
    expect(within(today).getByText("Requested")).toBeTruthy();

    await user.click(within(today).getByRole("button", { name: /^Decline – Online request/ }));
    const decline = screen.getByRole("dialog", { name: "Decline this request?" });
    await user.type(within(decline).getByLabelText("Reason"), "Fully booked");
    await user.click(within(decline).getByRole("button", { name: "Decline request" }));
    expect(await within(decline).findByText("The appointment is cancelled; it cannot be declined.")).toBeTruthy();
    expect(api.callsOf("AppointmentDecline")[0].variables).toEqual({ id: request.id, reason: "Fully booked" });
    await user.click(within(decline).getByRole("button", { name: "Keep it" }));

    await user.click(within(today).getByRole("button", { name: /^Confirm – Online request/ }));
    await user.click(within(screen.getByRole("dialog", { name: "Confirm this request?" })).getByRole("button", { name: "Confirm appointment" }));
    await waitFor(() => expect(api.callsOf("AppointmentConfirm")[0]?.variables).toEqual({ id: request.id }));
  });
});
