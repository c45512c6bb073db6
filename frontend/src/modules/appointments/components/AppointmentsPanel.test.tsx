import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { appointment, appointmentPage, dashboardAppointment, profileCustomer } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerProfilePage } from "../../customers/components/CustomerProfilePage";

const STAFF: Permission[] = ["READ_CUSTOMERS", "EDIT_CUSTOMERS", "ADD_CUSTOMERS"];

/** An AppointmentPayload answer of `field`, as the API sends it. */
const answer = (field: string, overrides: Partial<ReturnType<typeof dashboardAppointment>> = {}, userErrors: { field: string | null; message: string; code: string }[] = []) => ({
  [field]: {
    __typename: "AppointmentPayload",
    appointment: userErrors.length ? null : dashboardAppointment(overrides),
    customerBlocked: false,
    userErrors: userErrors.map((error) => ({ __typename: "AppointmentError", ...error })),
  },
});

function render(customer: ReturnType<typeof profileCustomer>, handlers: Record<string, Handler> = {}, permissions = STAFF) {
  const api = mockClient({ CustomerProfile: () => ({ customer }), ...handlers }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
    wrap: withSession(permissions),
  });
  return { ...view, api };
}

const future = appointment({ title: "Cut", status: "SCHEDULED", startsAt: "2099-05-01T09:00:00+00:00", endsAt: "2099-05-01T10:00:00+00:00" });
const later = appointment({ title: "Trim", status: "SCHEDULED", startsAt: "2099-05-02T09:00:00+00:00", endsAt: "2099-05-02T10:00:00+00:00" });
const begun = appointment({ title: "Colour", status: "SCHEDULED", startsAt: "2024-03-02T09:00:00+00:00", endsAt: "2024-03-02T10:00:00+00:00" });

describe("appointments on the profile", () => {
  it("shows the figures and an Upcoming list that does not depend on the length of the history", async () => {
    const pastPage = Array.from({ length: 50 }, (_, i) =>
      appointment({ startsAt: new Date(Date.UTC(2020, 0, 1 + i, 9)).toISOString(), endsAt: new Date(Date.UTC(2020, 0, 1 + i, 10)).toISOString() }),
    );
    const customer = profileCustomer({
      visitCount: 180,
      noShowCount: 3,
      cancellationCount: 16,
      lastVisitAt: "2026-11-01T09:00:00+00:00",
      appointments: { __typename: "AppointmentConnection", totalCount: 200 },
      upcomingAppointments: appointmentPage([future]),
      pastAppointments: appointmentPage(pastPage, { totalCount: 199, hasNextPage: true }),
    });
    const { user, api } = render(customer, {
      CustomerAppointmentsPage: (variables) => ({
        customer: {
          __typename: "Customer",
          id: customer.id,
          appointments: appointmentPage([appointment({ title: "Oldest", startsAt: "2019-01-01T09:00:00+00:00", endsAt: "2019-01-01T10:00:00+00:00" })], { totalCount: 199 }),
        },
        variables,
      }),
    });
    const upcoming = await screen.findByRole("list", { name: "Upcoming appointments" });
    expect(within(upcoming).getAllByRole("listitem")).toHaveLength(1);
    expect(upcoming.textContent).toContain("Cut");
    const figures = screen.getByRole("region", { name: "Figures" });
    expect(figures.querySelector('[data-figure="visits"]')?.textContent).toBe("180");
    expect(figures.querySelector('[data-figure="no-shows"]')?.textContent).toBe("3");
    expect(figures.querySelector('[data-figure="cancellations"]')?.textContent).toBe("16");
    expect(screen.getByText("Showing 50 of 199.")).toBeTruthy(); // never a silent cap

    await user.click(screen.getByRole("button", { name: "Show older appointments" }));
    await screen.findByText("Oldest");
    expect(api.callsOf("CustomerAppointmentsPage")[0].variables).toEqual({
      id: customer.id,
      when: "PAST",
      direction: "DESC",
      first: 50,
      after: `cursor-${pastPage[49].id}`,
    });
    expect(screen.getByText("Showing 51 of 199.")).toBeTruthy();

    // Oldest first asks for the first page the other way round.
    await user.selectOptions(screen.getByLabelText("Order"), "ASC");
    await waitFor(() => expect(api.callsOf("CustomerAppointmentsPage").some((call) => call.variables?.direction === "ASC" && call.variables?.after === null)).toBe(true));
  });

  it("cancels with a reason, reschedules with errors at the fields, and marks a begun one as no-show", async () => {
    const customer = profileCustomer({}, [future, later, begun]);
    let rescheduled = 0;
    const { user, api } = render(customer, {
      AppointmentCancel: () => answer("appointmentCancel", { ...future, status: "CANCELLED", cancellationReason: "Customer is ill" }),
      AppointmentReschedule: () =>
        ++rescheduled === 1
          ? answer("appointmentReschedule", {}, [{ field: "endsAt", message: "An appointment lasts at least 5 minutes.", code: "INVALID" }])
          : answer("appointmentReschedule", { ...later, startsAt: "2099-06-01T14:00:00+00:00" }),
      AppointmentMarkNoShow: () => answer("appointmentMarkNoShow", { ...begun, status: "NO_SHOW" }),
    });
    const upcoming = await screen.findByRole("list", { name: "Upcoming appointments" });
    // Not begun yet: no Complete / No-show.
    expect(within(upcoming).queryByRole("button", { name: /^No-show/ })).toBeNull();

    await user.click(within(upcoming).getByRole("button", { name: /^Cancel appointment – Cut/ }));
    const cancel = screen.getByRole("dialog", { name: "Cancel this appointment?" });
    await user.type(within(cancel).getByLabelText("Reason"), "Customer is ill");
    await user.click(within(cancel).getByRole("button", { name: "Cancel appointment" }));
    await waitFor(() => expect(api.callsOf("AppointmentCancel")).toHaveLength(1));
    expect(api.callsOf("AppointmentCancel")[0].variables).toEqual({ id: future.id, reason: "Customer is ill" });

    await user.click(within(screen.getByRole("list", { name: "Upcoming appointments" })).getByRole("button", { name: /^Reschedule – Trim/ }));
    const dialog = screen.getByRole("dialog", { name: "Reschedule appointment" });
    const start = within(dialog).getByLabelText(/New start/);
    await user.clear(start);
    await user.type(start, "2099-06-01T14:00");
    // The end follows the start, keeping the length (an hour).
    expect((within(dialog).getByLabelText(/New end/) as HTMLInputElement).value).toBe("2099-06-01T15:00");
    await user.click(within(dialog).getByRole("button", { name: "Reschedule" }));
    const endError = await within(dialog).findByText("An appointment lasts at least 5 minutes.");
    expect(within(dialog).getByLabelText(/New end/).getAttribute("aria-invalid")).toBe("true");
    expect(endError.id).toBe(within(dialog).getByLabelText(/New end/).getAttribute("aria-describedby"));
    await user.click(within(dialog).getByRole("button", { name: "Reschedule" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Reschedule appointment" })).toBeNull());
    expect(api.callsOf("AppointmentReschedule")[1].variables).toEqual({
      id: later.id,
      startsAt: new Date("2099-06-01T14:00").toISOString(),
      endsAt: new Date("2099-06-01T15:00").toISOString(),
    });

    const past = screen.getByRole("list", { name: "Past appointments" });
    await user.click(within(past).getByRole("button", { name: /^No-show – Colour/ }));
    await user.click(within(screen.getByRole("dialog", { name: "Mark as no-show?" })).getByRole("button", { name: "Mark no-show" }));
    await waitFor(() => expect(api.callsOf("AppointmentMarkNoShow")[0]?.variables).toEqual({ id: begun.id }));
  });

  it("shows why a calendar-owned appointment cannot be moved, and hides Reschedule and Cancel", async () => {
    const owned = appointment({ ...future, id: "QXBwb2ludG1lbnQ6b3duZWQ=", source: "Praxis", readOnlyReason: "Change it in the calendar “Praxis”." });
    render(profileCustomer({}, [owned]));
    const upcoming = await screen.findByRole("list", { name: "Upcoming appointments" });
    expect(within(upcoming).getByText("Change it in the calendar “Praxis”.")).toBeTruthy();
    expect(within(upcoming).queryByRole("button", { name: /^Reschedule/ })).toBeNull();
    expect(within(upcoming).queryByRole("button", { name: /^Cancel appointment/ })).toBeNull();
  });

  it("has no actions without edit:customers and no New appointment without add:customers", async () => {
    render(profileCustomer({}, [future]), {}, ["READ_CUSTOMERS"]);
    await screen.findByRole("list", { name: "Upcoming appointments" });
    expect(screen.queryByRole("button", { name: /^Reschedule/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "New appointment" })).toBeNull();
  });

  it("books a new appointment: checks the times first, sends appointmentCreate, shows the API's errors at their fields", async () => {
    const customer = profileCustomer({}, []);
    let calls = 0;
    const { user, api } = render(customer, {
      AppointmentCreate: () =>
        ++calls === 1
          ? answer("appointmentCreate", {}, [{ field: "location", message: "At most 500 characters.", code: "TOO_LONG" }])
          : { appointmentCreate: { ...answer("appointmentCreate").appointmentCreate, customerBlocked: true } },
    });
    await user.click(await screen.findByRole("button", { name: "New appointment" }));
    const dialog = screen.getByRole("dialog", { name: "New appointment for Anna Müller" });
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    expect(within(dialog).getByText("Enter the start (date and time).")).toBeTruthy();
    expect(api.callsOf("AppointmentCreate")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Starts/), "2099-07-01T10:00");
    expect((within(dialog).getByLabelText(/Ends/) as HTMLInputElement).value).toBe("2099-07-01T11:00");
    await user.type(within(dialog).getByLabelText("Services"), "Cut, Colour");
    await user.type(within(dialog).getByLabelText("Location"), "Studio 2");
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    await within(dialog).findByText("At most 500 characters.");
    expect(within(dialog).getByLabelText("Location").getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("AppointmentCreate")[0].variables).toEqual({
      input: {
        customerId: customer.id,
        startsAt: new Date("2099-07-01T10:00").toISOString(),
        endsAt: new Date("2099-07-01T11:00").toISOString(),
        allDay: false,
        services: ["Cut", "Colour"],
        location: "Studio 2",
        notes: null,
      },
    });
    await user.click(within(dialog).getByRole("button", { name: "Book appointment" }));
    await screen.findByText(/Appointment booked\. Note: this customer is blocked from booking online\./);
    await act(async () => {});
  });
});
