import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { dashboardAppointment } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { markOwnAppointment } from "../utils/ownAppointments";
import { AppointmentToasts } from "./AppointmentToasts";

const created = { createdAt: "2026-11-23T07:00:00Z", updatedAt: "2026-11-23T07:00:00Z" };

describe("AppointmentToasts", () => {
  it("announces a new appointment politely, links to the customer, and closes with Escape", async () => {
    const api = mockClient({});
    renderPage(<AppointmentToasts />, { client: api.client });
    const region = screen.getByRole("status", { name: "Notifications" });
    expect(region.getAttribute("aria-live")).toBe("polite");
    await act(async () => {}); // the subscription starts
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Haircut", ...created, customer: { __typename: "Customer", id: "Q3VzdG9tZXI6OTk=", displayName: "Eva Example" } }) }));
    const link = screen.getByRole("link", { name: /^New appointment: Haircut · Eva Example · / });
    expect(link.getAttribute("href")).toBe("/customers/Q3VzdG9tZXI6OTk%3D");
    link.focus();
    fireEvent.keyDown(link, { key: "Escape" });
    expect(screen.queryByText(/New appointment/)).toBeNull();
  });

  it("ignores changes to existing appointments and dismisses itself after a while", async () => {
    const api = mockClient({});
    const { user } = renderPage(<AppointmentToasts durationMs={50} />, { client: api.client });
    await act(async () => {});
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Moved", updatedAt: "2026-11-23T08:00:00Z" }) }));
    expect(screen.queryByText(/New appointment/)).toBeNull();
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Brand new", ...created, customer: null }) }));
    expect(screen.getByText(/^New appointment: Brand new · Unmatched/)).toBeTruthy();
    await act(async () => new Promise((resolve) => setTimeout(resolve, 120)));
    expect(screen.queryByText(/New appointment/)).toBeNull();
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Another", ...created }) }));
    await user.click(screen.getByRole("button", { name: "Dismiss notification" }));
    expect(screen.queryByText(/New appointment/)).toBeNull();
  });

  it("groups appointments arriving close together (a calendar sync) into ONE notice with the calendar's name", async () => {
    const api = mockClient({});
    renderPage(<AppointmentToasts />, { client: api.client });
    await act(async () => {});
    await act(async () => {
      for (let i = 0; i < 15; i++) {
        api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: `Synced ${i}`, source: "Praxis", ...created }) });
      }
    });
    const region = screen.getByRole("status", { name: "Notifications" });
    expect(region.querySelectorAll(".toast")).toHaveLength(1);
    const link = within(region).getByRole("link", { name: "15 new appointments from Praxis calendar" });
    expect(link.getAttribute("href")).toBe("/today");
    // Another one moments later joins the same notice.
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ source: "Praxis", ...created }) }));
    expect(within(region).getByRole("link", { name: "16 new appointments from Praxis calendar" })).toBeTruthy();
  });

  it("starts a new notice after the grouping window, and says when it is a booking request", async () => {
    const api = mockClient({});
    renderPage(<AppointmentToasts groupMs={20} />, { client: api.client });
    await act(async () => {});
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "First", ...created }) }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 60)));
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: dashboardAppointment({ title: "Online", status: "REQUESTED", ...created }) }));
    const toasts = screen.getByRole("status", { name: "Notifications" }).querySelectorAll(".toast");
    expect(toasts).toHaveLength(2);
    expect(toasts[1].textContent).toMatch(/^New booking request: Online · /);
  });

  it("does not announce an appointment this tab made itself, even when the event comes first", async () => {
    const api = mockClient({});
    renderPage(<AppointmentToasts />, { client: api.client });
    await act(async () => {});
    const mine = dashboardAppointment({ title: "Mine", ...created });
    await act(async () => api.emit("AppointmentSynced", { appointmentSynced: mine }));
    expect(screen.getByText(/^New appointment: Mine/)).toBeTruthy();
    await act(async () => markOwnAppointment(mine.id));
    expect(screen.queryByText(/^New appointment: Mine/)).toBeNull();
  });
});
