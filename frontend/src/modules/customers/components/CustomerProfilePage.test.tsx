import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appointment, communication, profileCustomer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { CustomerProfilePage } from "./CustomerProfilePage";

function profileWithHistory() {
  const failed = communication({
    medium: "SMS",
    subject: null,
    recipient: "+41791234567",
    body: "Reminder: haircut tomorrow at 09:00.",
    status: "FAILED",
    error: "Carrier rejected the number",
    attempts: 3,
    sentAt: null,
  });
  const past = appointment({ startsAt: "2024-03-02T09:00:00+00:00", endsAt: "2024-03-02T09:45:00+00:00" }, [
    communication(),
    failed,
  ]);
  const upcoming = appointment({
    title: "Colour – Anna Müller",
    services: ["Colour", "Cut"],
    startsAt: "2099-05-01T00:00:00+00:00",
    endsAt: "2099-05-02T00:00:00+00:00",
    allDay: true,
    location: null,
    status: "SCHEDULED",
  });
  return profileCustomer({}, [past, upcoming]);
}

function render(customer: ReturnType<typeof profileCustomer> | null) {
  const id = customer?.id ?? "Q3VzdG9tZXI6bm9uZQ==";
  const api = mockClient({ CustomerProfile: () => ({ customer }) }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(id)}`,
    pattern: "/customers/:id",
  });
  return { ...view, api, id };
}

describe("CustomerProfilePage", () => {
  it("shows the whole profile from one query", async () => {
    const customer = profileWithHistory();
    const { api } = render(customer);
    expect(screen.getByRole("status").textContent).toBe("Loading profile…");
    expect(await screen.findByRole("heading", { level: 1, name: "Anna Müller" })).toBeTruthy();

    expect(api.callsOf("CustomerProfile")).toHaveLength(1);
    expect(api.callsOf("CustomerProfile")[0].variables).toEqual({ id: customer.id });
    const contact = screen.getByRole("region", { name: "Contact" });
    expect(within(contact).getByText(/Messages allowed/).className).toContain("chip--allowed");
    expect(within(contact).getByRole("link", { name: "anna@example.ch" })).toBeTruthy();
    const preferences = screen.getByRole("region", { name: "Preferences" });
    expect(preferences.textContent).toContain("Email");
    expect(preferences.textContent).toContain("Swiss High German"); // by name, not the code
    expect(preferences.textContent).not.toContain("de-CH");
    expect(screen.getByRole("region", { name: "Internal notes" }).textContent).toContain("Prefers afternoon slots.");
    const custom = screen.getByRole("region", { name: "Custom fields" });
    expect(custom.textContent).toContain("VIP");
    expect(custom.textContent).toContain("Visits per year4");
    const details = screen.getByRole("region", { name: "Details" });
    expect(details.textContent).toContain("Bahnhofstrasse 1");
    expect(details.textContent).toContain("8001 Zürich");
    expect(details.textContent).toContain("Acme AG");
    expect(details.textContent).toContain("3 Apr 1985");
    // The live subscription for this customer is open.
    await waitFor(() => expect(api.callsOf("CustomerChanged")).toHaveLength(1));
    expect(api.callsOf("CustomerChanged")[0].variables).toEqual({ id: customer.id });
  });

  it("lists upcoming and past appointments; rows expand, and so do their messages", async () => {
    const { user } = render(profileWithHistory());
    const upcoming = await screen.findByRole("list", { name: "Upcoming appointments" });
    const past = screen.getByRole("list", { name: "Past appointments" });
    expect(within(upcoming).getAllByRole("listitem")).toHaveLength(1);

    const allDay = within(upcoming).getByRole("button", { expanded: false });
    await user.click(allDay);
    expect(allDay.getAttribute("aria-expanded")).toBe("true");
    const allDayPanel = document.getElementById(allDay.getAttribute("aria-controls")!)!;
    expect(allDayPanel.textContent).toContain("All Day · Fri, 1 May 2099");
    expect(allDayPanel.textContent).toContain("Colour, Cut");
    expect(allDayPanel.textContent).toContain("No messages were sent about this appointment.");

    const row = within(past).getAllByRole("button", { expanded: false })[0];
    await user.click(row);
    const panel = document.getElementById(row.getAttribute("aria-controls")!)!;
    expect(panel.textContent).toContain("Main studio");
    expect(panel.textContent).toContain("Completed");
    expect(within(panel).getByRole("heading", { name: "Communication history (2)" })).toBeTruthy();

    const sms = within(panel).getByRole("button", { name: /SMS/ });
    expect(sms.getAttribute("aria-expanded")).toBe("false");
    await user.click(sms);
    const message = document.getElementById(sms.getAttribute("aria-controls")!)!;
    expect(message.textContent).toContain("+41791234567");
    expect(message.textContent).toContain("Delivery failed · 3 attempts");
    expect(message.textContent).toContain("Carrier rejected the number");
    expect(message.textContent).toContain("Reminder: haircut tomorrow at 09:00.");
    expect(message.textContent).not.toContain("Subject"); // SMS have none

    await user.click(sms);
    expect(sms.getAttribute("aria-expanded")).toBe("false");
    expect(message.hidden).toBe(true);
  });

  it("says when the name was guessed from the email address, and only then", async () => {
    render(profileCustomer({ displayName: "Anna Mueller", firstName: "Anna", lastName: "Mueller", nameFromEmail: true }));
    const title = await screen.findByRole("heading", { level: 1, name: "Anna Mueller" });
    const hint = screen.getByText("Name guessed from the email address");
    expect(hint.closest(".profile__heading")).toBe(title.closest(".profile__heading"));
    expect(hint.className).toContain("muted");
  });

  it("shows no name hint for a name someone gave", async () => {
    render(profileCustomer());
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.queryByText("Name guessed from the email address")).toBeNull();
  });

  it("says so when the customer does not exist", async () => {
    render(null);
    expect(await screen.findByText("Customer not found.")).toBeTruthy();
  });

  it("follows live changes and reports a deletion made elsewhere", async () => {
    const customer = profileWithHistory();
    const { api } = render(customer);
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await waitFor(() => expect(api.callsOf("CustomerChanged")).toHaveLength(1));

    const renamed = { ...customer, displayName: "Anna Meier", lastName: "Meier", nextAppointment: null };
    delete (renamed as Partial<typeof renamed>).appointments;
    act(() =>
      api.emit("CustomerChanged", {
        customerChanged: { __typename: "CustomerChangedEvent", kind: "UPDATED", customerId: customer.id, customer: renamed },
      }),
    );
    expect(await screen.findByRole("heading", { level: 1, name: "Anna Meier" })).toBeTruthy();
    expect(screen.getByRole("list", { name: "Past appointments" })).toBeTruthy(); // history kept

    act(() =>
      api.emit("CustomerChanged", {
        customerChanged: { __typename: "CustomerChangedEvent", kind: "DELETED", customerId: customer.id, customer: null },
      }),
    );
    expect(await screen.findByText("This customer has just been deleted.")).toBeTruthy();
  });
});
