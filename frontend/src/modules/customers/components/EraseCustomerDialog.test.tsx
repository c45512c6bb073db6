import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { blockRule, profileCustomer } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerProfilePage } from "./CustomerProfilePage";

function render(customer: ReturnType<typeof profileCustomer>, permissions: Permission[], handlers: Record<string, Handler> = {}) {
  const api = mockClient({ CustomerProfile: () => ({ customer }), ...handlers }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
    wrap: withSession(permissions),
  });
  return { ...view, api };
}

const erased = (userErrors: unknown[]) => ({
  customerErase: { __typename: "CustomerErasePayload", erased: userErrors.length === 0, userErrors },
});
const refusal = (code: string, message: string) => ({ __typename: "CustomerError", field: null, message, code, existingCustomerId: null });

async function openErase(user: ReturnType<typeof render>["user"]) {
  await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
  await user.click(screen.getByRole("button", { name: "More actions" }));
  await user.click(screen.getByRole("menuitem", { name: "Erase personal data" }));
  return screen.getByRole("dialog", { name: "Erase Anna Müller's personal data?" });
}

describe("Erase personal data", () => {
  it("is offered only with delete:customers", async () => {
    render(profileCustomer(), ["READ_CUSTOMERS", "EDIT_CUSTOMERS"]);
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.queryByRole("button", { name: "More actions" })).toBeNull();
  });

  it("says exactly what happens, then erases and returns to the list", async () => {
    const customer = profileCustomer();
    const { user, api, location } = render(customer, ["READ_CUSTOMERS", "DELETE_CUSTOMERS"], { CustomerErase: () => erased([]) });
    const dialog = await openErase(user);
    const text = dialog.textContent ?? "";
    for (const part of [
      "the profile: name, email, phones, address, notes and custom fields",
      "recipients, subjects and message bodies",
      "the values in their history",
      "appointments are kept, anonymised",
      "cannot be created again by calendar sync or an import",
      "This cannot be undone.",
    ]) {
      expect(text).toContain(part);
    }
    await user.click(within(dialog).getByRole("button", { name: "Erase personal data" }));
    await waitFor(() => expect(location.current).toBe("/customers"));
    expect(api.callsOf("CustomerErase")[0].variables).toEqual({ id: customer.id, force: false });
  });

  it("shows the upcoming-appointments refusal with an 'Erase anyway' choice (force)", async () => {
    const customer = profileCustomer();
    let calls = 0;
    const { user, api, location } = render(customer, ["READ_CUSTOMERS", "DELETE_CUSTOMERS"], {
      CustomerErase: () =>
        calls++ === 0
          ? erased([refusal("UPCOMING_APPOINTMENTS", "The customer has 2 upcoming appointments.")])
          : erased([]),
    });
    const dialog = await openErase(user);
    await user.click(within(dialog).getByRole("button", { name: "Erase personal data" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert.textContent).toContain("Anna Müller has upcoming appointments.");
    expect(alert.textContent).toContain("The customer has 2 upcoming appointments.");
    expect(alert.textContent).toContain("stay booked without the person's details");
    expect(location.current).toBe(`/customers/${encodeURIComponent(customer.id)}`);
    await user.click(within(dialog).getByRole("button", { name: "Erase anyway" }));
    await waitFor(() => expect(location.current).toBe("/customers"));
    expect(api.callsOf("CustomerErase").map((call) => call.variables)).toEqual([
      { id: customer.id, force: false },
      { id: customer.id, force: true },
    ]);
  });

  it("explains the block-rule refusal and erases nothing", async () => {
    const customer = profileCustomer({ isBlocked: true, blockRules: [blockRule()] });
    const message = "The customer is blocked from online booking, and the block rules hold their email, phone or name. Unblock them first to erase their data (they can then book again).";
    const { user, location } = render(customer, ["READ_CUSTOMERS", "DELETE_CUSTOMERS"], {
      CustomerErase: () => erased([refusal("INVALID", message)]),
    });
    const dialog = await openErase(user);
    await user.click(within(dialog).getByRole("button", { name: "Erase personal data" }));
    const alert = await within(dialog).findByRole("alert");
    expect(alert.textContent).toContain("Nothing was erased.");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain("Use “Unblock” on the profile first");
    expect(within(dialog).queryByRole("button", { name: "Erase anyway" })).toBeNull();
    expect(location.current).toBe(`/customers/${encodeURIComponent(customer.id)}`);
  });
});
