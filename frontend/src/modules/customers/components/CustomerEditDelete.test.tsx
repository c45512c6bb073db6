import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appointment, customerError, profileCustomer } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { SessionContext, type Session } from "../../session/hooks/useSession";
import { CustomerProfilePage } from "./CustomerProfilePage";

function setup(handlers: Record<string, Handler>) {
  const customer = profileCustomer({}, [appointment(), appointment()]);
  const api = mockClient({ CustomerProfile: () => ({ customer }), ...handlers }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
  });
  return { ...view, api, customer };
}


describe("editing a customer", () => {
  it("sends only what changed, shows userErrors at their fields, then saves", async () => {
    let saved = false;
    const { user, api, customer } = setup({
      CustomerUpdate: (variables) => {
        const input = variables.input as Record<string, unknown>;
        if (input.mobilePhone === "12") {
          return {
            customerUpdate: {
              __typename: "CustomerUpdatePayload",
              customer: null,
              userErrors: [
                customerError("mobilePhone", "'12' is not a valid phone number for region CH.", "INVALID_PHONE"),
                customerError("address.city", "At most 100 characters.", "TOO_LONG"),
                customerError("customFields.visits", "Visits per year: expected a number."),
              ],
            },
          };
        }
        saved = true;
        return {
          customerUpdate: {
            __typename: "CustomerUpdatePayload",
            customer: { ...customer, appointments: undefined, nextAppointment: null, company: "Beta GmbH", mobilePhone: "+41790000002", mobilePhoneDisplay: "079 000 00 02" },
            userErrors: [],
          },
        };
      },
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit customer" });

    const phone = within(form).getByLabelText("Mobile phone");
    await user.clear(phone);
    await user.type(phone, "12");
    await user.clear(within(form).getByLabelText("Company"));
    await user.type(within(form).getByLabelText("Company"), "Beta GmbH");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = (element: HTMLElement) =>
      element.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent).join(" ");
    expect(describedBy(phone)).toContain("'12' is not a valid phone number for region CH.");
    expect(describedBy(within(form).getByLabelText("City"))).toContain("At most 100 characters.");
    expect(describedBy(within(form).getByLabelText("Visits per year"))).toContain("expected a number");
    expect(api.callsOf("CustomerUpdate")[0].variables).toEqual({
      id: customer.id,
      input: { mobilePhone: "12", company: "Beta GmbH" },
    });

    await user.clear(phone);
    await user.type(phone, "079 000 00 02");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit customer" })).toBeNull());
    expect(saved).toBe(true);
    expect(screen.getByRole("region", { name: "Details" }).textContent).toContain("Beta GmbH");
    expect(screen.getByRole("region", { name: "Contact" }).textContent).toContain("079 000 00 02");
    expect(screen.getByRole("link", { name: "079 000 00 02" }).getAttribute("href")).toBe("tel:+41790000002");
  });

  it("sends null for a cleared field and leaves the form without a request when nothing changed", async () => {
    const { user, api } = setup({
      CustomerUpdate: () => ({ customerUpdate: { __typename: "CustomerUpdatePayload", customer: null, userErrors: [] } }),
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.queryByRole("form", { name: "Edit customer" })).toBeNull();
    expect(api.callsOf("CustomerUpdate")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.clear(screen.getByLabelText("Email"));
    await user.selectOptions(screen.getByLabelText("Communication status"), "BLOCKED");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(api.callsOf("CustomerUpdate")).toHaveLength(1));
    expect(api.callsOf("CustomerUpdate")[0].variables?.input).toEqual({ email: null, communicationStatus: "BLOCKED" });
  });
});

describe("deleting a customer", () => {
  it("is behind the arrow next to Edit, explains itself, and can keep the history anonymised", async () => {
    const { user, api, customer, location } = setup({
      CustomerDelete: (variables) => ({
        customerDelete: { __typename: "CustomerDeletePayload", deletedId: variables.id, userErrors: [] },
      }),
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.queryByRole("menuitem", { name: "Delete customer" })).toBeNull();

    const arrow = screen.getByRole("button", { name: "More actions" });
    expect(arrow.getAttribute("aria-haspopup")).toBe("menu");
    await user.click(arrow);
    expect(arrow.getAttribute("aria-expanded")).toBe("true");
    const item = screen.getByRole("menuitem", { name: "Delete customer" });
    expect(document.activeElement).toBe(item);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(arrow);

    await user.keyboard("{ArrowDown}");
    await user.keyboard("{Enter}");
    const dialog = screen.getByRole("dialog", { name: "Delete customer?" });
    expect(dialog.textContent).toContain("together with their appointment history (2 appointments) and all communications");
    expect(dialog.textContent).toContain("Events in the connected calendars are not touched.");
    const keep = within(dialog).getByRole("checkbox", { name: "Keep appointment history anonymised" });
    expect((keep as HTMLInputElement).checked).toBe(false);
    await user.click(keep);
    expect(dialog.textContent).toContain("Their appointment history (2 appointments) and the messages sent about it are kept, without any personal data");

    await user.click(within(dialog).getByRole("button", { name: "Delete customer" }));
    await waitFor(() => expect(location.current).toBe("/customers"));
    expect(api.callsOf("CustomerDelete")[0].variables).toEqual({ id: customer.id, keepHistory: true });
  });

  it("shows the API's refusal and stays", async () => {
    const { user, location } = setup({
      CustomerDelete: () => ({
        customerDelete: {
          __typename: "CustomerDeletePayload",
          deletedId: null,
          userErrors: [customerError(null, "No customer with this ID in your account.", "NOT_FOUND")],
        },
      }),
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("button", { name: "More actions" }));
    await user.click(screen.getByRole("menuitem", { name: "Delete customer" }));
    const dialog = screen.getByRole("dialog", { name: "Delete customer?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete customer" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("No customer with this ID");
    expect(location.current).toContain("/customers/");
  });
});

describe("permissions", () => {
  it("offers Edit but no delete arrow to a user without delete:customers", async () => {
    const customer = profileCustomer({}, []);
    const api = mockClient({ CustomerProfile: () => ({ customer }) }, { cache: true });
    const session = {
      me: { name: "Sam Staff", permissions: ["READ_CUSTOMERS", "EDIT_CUSTOMERS"] },
      can: (permission: string) => permission !== "DELETE_CUSTOMERS",
      signOut: () => {},
    } as unknown as Session;
    renderPage(<CustomerProfilePage />, {
      client: api.client,
      path: `/customers/${encodeURIComponent(customer.id)}`,
      pattern: "/customers/:id",
      wrap: (node) => <SessionContext.Provider value={session}>{node}</SessionContext.Provider>,
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.getByRole("button", { name: "Edit" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "More actions" })).toBeNull();
  });
});
