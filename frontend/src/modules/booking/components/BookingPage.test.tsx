import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Provider } from "urql";
import { fieldDefinition } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { BookingPage } from "./BookingPage";

const allergies = fieldDefinition({ key: "allergies", label: "Allergies", type: "TEXT", required: true, inBookingForm: true });
const insurance = fieldDefinition({ key: "insurance", label: "Insurance", type: "DROPDOWN", options: ["Basic", "Private"], inBookingForm: true });

function renderBooking(handlers: Record<string, Handler>) {
  const api = mockClient({ BookingFormFields: () => ({ bookingFormFields: [allergies, insurance] }), ...handlers });
  const user = userEvent.setup();
  render(
    <Provider value={api.client}>
      <BookingPage accountSlug="demo" />
    </Provider>,
  );
  return { api, user };
}

const booked = (userErrors: { field: string | null; message: string; code: string }[] = []) => ({
  bookingCreate: {
    __typename: "BookingCreatePayload",
    appointment: userErrors.length
      ? null
      : { __typename: "Appointment", id: "QXBwb2ludG1lbnQ6MQ==", startsAt: "2099-03-01T09:00:00+00:00", endsAt: "2099-03-01T10:00:00+00:00", status: "REQUESTED" },
    userErrors: userErrors.map((error) => ({ __typename: "BookingError", ...error })),
  },
});

async function fillIn(user: ReturnType<typeof userEvent.setup>, { allergy = "None" } = {}) {
  await user.type(screen.getByLabelText("First name"), "Eva");
  await user.type(screen.getByLabelText("Last name"), "Example");
  await user.type(screen.getByLabelText("Email"), "eva@example.ch");
  await user.type(screen.getByLabelText(/Wished day and time/), "2099-03-01T10:00");
  if (allergy) await user.type(screen.getByLabelText(/Allergies/), allergy);
}

describe("the public booking page", () => {
  it("asks for the form's custom fields and enforces the required ones, a name and email or phone before sending", async () => {
    const { api, user } = renderBooking({ PublicBookingCreate: () => booked() });
    await screen.findByLabelText(/Allergies/);
    expect(api.callsOf("BookingFormFields")[0].variables).toEqual({ accountSlug: "demo" });
    await user.click(screen.getByRole("button", { name: "Request appointment" }));
    expect(screen.getByText("Please give your name.")).toBeTruthy();
    expect(screen.getByText("Please give an email address or a phone number (or both).")).toBeTruthy();
    expect(screen.getByText("Allergies is required.")).toBeTruthy();
    expect(screen.getByLabelText(/Allergies/).getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("PublicBookingCreate")).toHaveLength(0);
  });

  it("sends the request with consent and custom values, and confirms it", async () => {
    const { api, user } = renderBooking({ PublicBookingCreate: () => booked() });
    await screen.findByLabelText(/Allergies/);
    await fillIn(user);
    await user.selectOptions(screen.getByLabelText("Insurance"), "Private");
    await user.click(screen.getByLabelText("Send me messages about my appointments (email or SMS)"));
    await user.click(screen.getByRole("button", { name: "Request appointment" }));
    const done = await screen.findByRole("status");
    expect(within(done).getByText("Thank you, your request was sent.")).toBeTruthy();
    const start = new Date("2099-03-01T10:00");
    expect(api.callsOf("PublicBookingCreate")[0].variables).toEqual({
      input: {
        accountSlug: "demo",
        firstName: "Eva",
        lastName: "Example",
        email: "eva@example.ch",
        phone: null,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        services: [],
        customFields: [
          { key: "allergies", value: "None" },
          { key: "insurance", value: "Private" },
        ],
        consentToMessages: true,
      },
    });
  });

  it("shows a blocked person the business's message, and the API's field errors at their fields", async () => {
    let calls = 0;
    const { user } = renderBooking({
      PublicBookingCreate: () =>
        ++calls === 1
          ? booked([{ field: "phone", message: "Not a valid phone number.", code: "INVALID_PHONE" }])
          : booked([{ field: null, message: "Please call us on 044 000 00 00 to book.", code: "BLOCKED" }]),
    });
    await screen.findByLabelText(/Allergies/);
    await fillIn(user);
    await user.type(screen.getByLabelText("Phone"), "12");
    await user.click(screen.getByRole("button", { name: "Request appointment" }));
    await screen.findByText("Not a valid phone number.");
    await waitFor(() => expect(screen.getByLabelText("Phone").getAttribute("aria-invalid")).toBe("true"));
    await user.click(screen.getByRole("button", { name: "Request appointment" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Please call us on 044 000 00 00 to book.");
    expect(screen.queryByText("Thank you, your request was sent.")).toBeNull();
  });
});
