import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerMessages, MESSAGE_PAGE, POLL_MS } from "./CustomerMessages";
import { listedMessage, messagesAnswer, resendAnswer, sendAnswer } from "./messageFixtures";
import type { MessageCustomer } from "./SendMessageDialog";

const CUSTOMER_ID = "Q3VzdG9tZXI6MQ==";
const STAFF: Permission[] = ["READ_CUSTOMERS", "EDIT_CUSTOMERS"];

const anna: MessageCustomer = {
  id: CUSTOMER_ID,
  displayName: "Anna Müller",
  communicationStatus: "ALLOWED",
  email: "anna@example.ch",
  emailEnabled: true,
  mobilePhone: "+41791234567",
  smsEnabled: true,
  preferredMedium: "EMAIL",
};

function render(handlers: Record<string, Handler>, { customer = anna, permissions = STAFF, onChanged = () => {} } = {}) {
  const api = mockClient(handlers, { cache: true });
  const view = renderPage(<CustomerMessages customer={customer} onChanged={onChanged} />, { client: api.client, wrap: withSession(permissions) });
  return { ...view, api };
}

const failed = listedMessage({
  kind: "REMINDER",
  medium: "SMS",
  recipient: "+41791234567",
  subject: null,
  body: "Reminder: haircut tomorrow at 09:00.",
  status: "FAILED",
  error: "Carrier rejected the number",
  attempts: 5,
  sentAt: null,
  appointment: { __typename: "Appointment", id: "QXBwb2ludG1lbnQ6MQ==", startsAt: "2026-03-02T09:00:00+00:00", title: "Haircut", services: ["Haircut"] },
});
const skipped = listedMessage({ kind: "CONFIRMATION", recipient: null, subject: null, body: null, status: "SKIPPED", error: "Email and SMS are switched off.", attempts: 0, sentAt: null });
const manual = listedMessage({ subject: "Your voucher" });

afterEach(() => {
  vi.useRealTimers();
});

describe("the profile's Messages tab", () => {
  it("lists every message with its kind, channel, state (word and colour), error and appointment", async () => {
    const { api } = render({ CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, [failed, skipped, manual]) });
    const list = await screen.findByRole("list", { name: "Messages" });
    const [sms, confirmation, voucher] = within(list).getAllByRole("listitem");
    expect(api.callsOf("CustomerCommunications")[0].variables).toEqual({ id: CUSTOMER_ID, first: MESSAGE_PAGE, after: null, medium: null, status: null });
    expect(screen.getByText("3 messages, newest first.")).toBeTruthy();

    expect(sms.textContent).toContain("Reminder");
    expect(sms.textContent).toContain("SMS");
    const chip = within(sms).getByText("Failed");
    expect(chip.className).toContain("delivery--failed");
    expect(within(sms).getByText("Failed after 5 attempts: Carrier rejected the number")).toBeTruthy();
    expect(sms.textContent).toContain("About the appointment on");
    expect(sms.textContent).toContain("Haircut");
    expect(within(sms).getByRole("button", { name: "Resend" })).toBeTruthy();

    expect(within(confirmation).getByText("Skipped").className).toContain("delivery--skipped");
    expect(within(confirmation).getByText("Not sent: Email and SMS are switched off.")).toBeTruthy();
    expect(within(confirmation).getByRole("button", { name: "Resend" })).toBeTruthy();

    expect(within(voucher).getByText("Staff message")).toBeTruthy();
    expect(within(voucher).getByText("Sent").className).toContain("delivery--sent");
    expect(within(voucher).queryByRole("button", { name: "Resend" })).toBeNull();
    expect(voucher.textContent).not.toContain("About the appointment");
  });

  it("expands a message to its recipient, attempts, times and text", async () => {
    const { user } = render({ CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, [failed]) });
    const toggle = await screen.findByRole("button", { name: /Reminder/, expanded: false });
    await user.click(toggle);
    const details = document.getElementById(toggle.getAttribute("aria-controls")!)!;
    expect(details.textContent).toContain("+41791234567");
    expect(details.textContent).toContain("Delivery failed · 5 attempts");
    expect(details.textContent).toContain("Queued");
    expect(details.textContent).toContain("Reminder: haircut tomorrow at 09:00.");
  });

  it("filters by channel and state, and pages with Show older messages", async () => {
    const older = listedMessage({ subject: "Older one" });
    const { user, api } = render({
      CustomerCommunications: (variables) =>
        variables.status === "SKIPPED"
          ? messagesAnswer(CUSTOMER_ID, [])
          : variables.after
            ? messagesAnswer(CUSTOMER_ID, [older], { totalCount: 2 })
            : messagesAnswer(CUSTOMER_ID, [manual], { totalCount: 2, hasNextPage: true }),
    });
    await screen.findByRole("list", { name: "Messages" });
    await user.click(screen.getByRole("button", { name: "Show older messages" }));
    expect(await screen.findByText("Older one")).toBeTruthy();
    expect(api.callsOf("CustomerCommunications").at(-1)!.variables).toMatchObject({ after: `cursor-${manual.id}` });
    expect(screen.queryByRole("button", { name: "Show older messages" })).toBeNull();

    await user.selectOptions(screen.getByLabelText("Channel"), "SMS");
    await user.selectOptions(screen.getByLabelText("Status"), "SKIPPED");
    expect(await screen.findByText("No messages match these filters.")).toBeTruthy();
    expect(api.callsOf("CustomerCommunications").at(-1)!.variables).toEqual({ id: CUSTOMER_ID, first: MESSAGE_PAGE, after: null, medium: "SMS", status: "SKIPPED" });
  });

  it("sends a failed message again: the new message appears, the profile is told", async () => {
    const again = listedMessage({ ...failed, id: "bmV3", status: "PENDING", error: null, attempts: 0 });
    let resent = false;
    const onChanged = vi.fn();
    const { user, api } = render(
      {
        CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, resent ? [again, failed] : [failed]),
        CommunicationResend: () => {
          resent = true;
          return resendAnswer(again);
        },
      },
      { onChanged },
    );
    const list = await screen.findByRole("list", { name: "Messages" });
    await user.click(within(list).getByRole("button", { name: "Resend" }));
    expect(api.callsOf("CommunicationResend")[0].variables).toEqual({ id: failed.id });
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Messages" })).getAllByRole("listitem")).toHaveLength(2));
    expect(within(screen.getByRole("list", { name: "Messages" })).getByText("Pending")).toBeTruthy();
    expect(screen.getByText("Sent again: a new message is queued.")).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });

  it("shows why a message could not be sent again", async () => {
    const { user } = render({
      CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, [failed]),
      CommunicationResend: () => resendAnswer(null, [{ field: null, message: "Communication with this customer is blocked: nothing can be sent.", code: "COMMUNICATION_BLOCKED" }]),
    });
    const list = await screen.findByRole("list", { name: "Messages" });
    await user.click(within(list).getByRole("button", { name: "Resend" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("It was not sent again:");
    expect(alert.textContent).toContain("Communication with this customer is blocked");
  });

  it("offers neither Resend nor Send message without edit:customers", async () => {
    render({ CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, [failed]) }, { permissions: ["READ_CUSTOMERS"] });
    await screen.findByRole("list", { name: "Messages" });
    expect(screen.queryByRole("button", { name: "Resend" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send message" })).toBeNull();
  });

  it("asks again while a message waits to be sent, until it is sent", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const pending = listedMessage({ status: "PENDING", sentAt: null, recipient: null });
    let sent = false;
    const { api } = render({ CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, [sent ? { ...pending, status: "SENT", sentAt: "2026-03-01T09:00:05+00:00" } : pending]) });
    const list = await screen.findByRole("list", { name: "Messages" });
    expect(within(list).getByText("Pending")).toBeTruthy();
    expect(api.callsOf("CustomerCommunications")).toHaveLength(1);
    sent = true;
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    expect(await within(screen.getByRole("list", { name: "Messages" })).findByText("Sent")).toBeTruthy();
    expect(api.callsOf("CustomerCommunications")).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
    expect(api.callsOf("CustomerCommunications")).toHaveLength(2); // nothing waits any more
  });
});

describe("Send message", () => {
  it("is disabled, with the reason, for a customer whose communication is blocked", async () => {
    render({ CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, []) }, { customer: { ...anna, communicationStatus: "BLOCKED" } });
    await screen.findByText("No messages yet.");
    const button = screen.getByRole("button", { name: "Send message" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby")!)!;
    expect(reason.textContent).toBe("Communication with this customer is blocked: nothing can be sent.");
  });

  it("offers only usable channels, needs a subject for an email, and shows the API's refusal at its field", async () => {
    const { user, api } = render({
      CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, []),
      MessageSend: () => sendAnswer(null, [{ field: "body", message: "An email has at most 5000 characters (this one has 5001).", code: "TOO_LONG" }]),
    }, { customer: { ...anna, smsEnabled: false } });
    await screen.findByText("No messages yet.");
    await user.click(screen.getByRole("button", { name: "Send message" }));
    const dialog = screen.getByRole("dialog", { name: "Message to Anna Müller" });
    const email = within(dialog).getByRole("radio", { name: /Email/ }) as HTMLInputElement;
    const sms = within(dialog).getByRole("radio", { name: /SMS/ }) as HTMLInputElement;
    expect(email.checked).toBe(true);
    expect(sms.disabled).toBe(true);
    expect(within(dialog).getByText(/SMS is switched off for this customer/)).toBeTruthy();

    await user.type(within(dialog).getByLabelText(/Message/), "Hello");
    await user.click(within(dialog).getByRole("button", { name: "Send message" }));
    expect(within(dialog).getByText("An email needs a subject.")).toBeTruthy();
    expect(within(dialog).getByLabelText(/Subject/).getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("MessageSend")).toHaveLength(0);

    await user.type(within(dialog).getByLabelText(/Subject/), "Voucher");
    await user.click(within(dialog).getByRole("button", { name: "Send message" }));
    expect(await within(dialog).findByText("An email has at most 5000 characters (this one has 5001).")).toBeTruthy();
    expect(within(dialog).getByLabelText(/Message/).getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("MessageSend")[0].variables).toEqual({ customerId: CUSTOMER_ID, medium: "EMAIL", subject: "Voucher", body: "Hello" });
  });

  it("sends an SMS without a subject, says so politely and lists it", async () => {
    const queuedSms = listedMessage({ medium: "SMS", subject: null, body: "See you soon", status: "PENDING", sentAt: null, recipient: null });
    let sent = false;
    const { user, api } = render({
      CustomerCommunications: () => messagesAnswer(CUSTOMER_ID, sent ? [queuedSms] : []),
      MessageSend: () => {
        sent = true;
        return sendAnswer(queuedSms);
      },
    }, { customer: { ...anna, preferredMedium: "SMS" } });
    await screen.findByText("No messages yet.");
    await user.click(screen.getByRole("button", { name: "Send message" }));
    const dialog = screen.getByRole("dialog", { name: "Message to Anna Müller" });
    expect((within(dialog).getByRole("radio", { name: /SMS/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).queryByLabelText(/Subject/)).toBeNull();
    await user.type(within(dialog).getByLabelText(/Message/), "See you soon");
    await user.click(within(dialog).getByRole("button", { name: "Send message" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.callsOf("MessageSend")[0].variables).toEqual({ customerId: CUSTOMER_ID, medium: "SMS", subject: null, body: "See you soon" });
    const status = screen.getAllByRole("status").find((el) => el.textContent?.includes("queued"))!;
    expect(status.textContent).toBe("Your SMS to Anna Müller is queued and will be sent within seconds.");
    expect(await screen.findByText("See you soon")).toBeTruthy();
  });
});
