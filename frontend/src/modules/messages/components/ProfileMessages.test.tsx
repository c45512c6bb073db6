// Messages on the whole profile: an appointment's history sends a failed message again and shows
// the new one; the Messages tab lists the customer's messages.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appointment, communication, profileCustomer } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerProfilePage } from "../../customers/components/CustomerProfilePage";
import { listedMessage, messagesAnswer, resendAnswer } from "./messageFixtures";

const failed = communication({
  kind: "REMINDER",
  medium: "SMS",
  subject: null,
  recipient: "+41791234567",
  status: "FAILED",
  error: "Carrier rejected the number",
  attempts: 5,
  sentAt: null,
});
const again = communication({ kind: "REMINDER", medium: "SMS", subject: null, recipient: null, status: "PENDING", attempts: 0, sentAt: null });
const future = { startsAt: "2099-05-01T09:00:00+00:00", endsAt: "2099-05-01T10:00:00+00:00", status: "SCHEDULED" as const, title: "Checkup" };

function render(handlers: Record<string, Handler>, customer: ReturnType<typeof profileCustomer>) {
  const api = mockClient(handlers, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
    wrap: withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS"]),
  });
  return { ...view, api };
}

describe("messages on the profile", () => {
  it("sends an appointment's failed message again and shows the new one in its history", async () => {
    const before = appointment(future, [failed]);
    const after = { ...before, communications: appointment(future, [failed, again]).communications };
    let resent = false;
    const customer = profileCustomer({}, [before]);
    const { user, api } = render(
      {
        CustomerProfile: () => ({ customer: resent ? profileCustomer({ id: customer.id }, [after]) : customer }),
        CommunicationResend: () => {
          resent = true;
          return resendAnswer(listedMessage({ ...again, appointment: null }));
        },
      },
      customer,
    );
    const upcoming = await screen.findByRole("list", { name: "Upcoming appointments" });
    const row = within(upcoming).getByRole("button", { name: /Checkup/, expanded: false });
    await user.click(row);
    const panel = document.getElementById(row.getAttribute("aria-controls")!)!;
    expect(within(panel).getByText("Failed after 5 attempts: Carrier rejected the number")).toBeTruthy();
    await user.click(within(panel).getByRole("button", { name: "Resend" }));
    expect(api.callsOf("CommunicationResend")[0].variables).toEqual({ id: failed.id });
    await waitFor(() => expect(within(panel).getByRole("heading", { name: "Communication history (2)" })).toBeTruthy());
    expect(within(panel).getByText("Pending")).toBeTruthy();
    expect(api.callsOf("CustomerProfile").length).toBeGreaterThanOrEqual(2);
  });

  it("has a Messages tab with every message to the customer", async () => {
    const customer = profileCustomer();
    const { user, api } = render(
      {
        CustomerProfile: () => ({ customer }),
        CustomerCommunications: () => messagesAnswer(customer.id, [listedMessage({ subject: "Your voucher" })]),
      },
      customer,
    );
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("tab", { name: "Messages" }));
    const list = await screen.findByRole("list", { name: "Messages" });
    expect(list.textContent).toContain("Your voucher");
    expect(api.callsOf("CustomerCommunications")[0].variables).toMatchObject({ id: customer.id });
    expect(screen.getByRole("button", { name: "Send message" })).toBeTruthy();
  });
});
