import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { auditEntry, blockRule, historyPage, profileCustomer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerProfilePage } from "../../customers/components/CustomerProfilePage";

function render(customer: ReturnType<typeof profileCustomer>, permissions: Permission[], handlers = {}) {
  const api = mockClient({ CustomerProfile: () => ({ customer }), ...handlers }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
    wrap: withSession(permissions),
  });
  return { ...view, api };
}

describe("blocking on the profile", () => {
  it("shows the red Booking blocked chip and the matching rules to a read-only user, without actions", async () => {
    const customer = profileCustomer({ isBlocked: true, blockRules: [blockRule({ reason: "Three no-shows" })] });
    render(customer, ["READ_CUSTOMERS"]);
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.getByText(/Online booking blocked/, { selector: ".chip" }).className).toContain("chip--blocked");
    const rules = screen.getByRole("list", { name: "Matching block rules" });
    expect(rules.textContent).toContain("Three no-shows");
    expect(rules.textContent).toContain("Ada Admin");
    expect(screen.queryByRole("button", { name: "Unblock" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "More actions" })).toBeNull();
  });

  it("blocks with a reason; the chip and the history entry appear from the mutation's answer", async () => {
    const customer = profileCustomer();
    const blocked = {
      ...customer,
      isBlocked: true,
      blockRules: [blockRule({ reason: "Rude" })],
      history: historyPage([auditEntry({ action: "BLOCKED", changes: [] })]),
    };
    const { user, api } = render(customer, ["READ_CUSTOMERS", "EDIT_BLOCKED_CUSTOMERS"], {
      CustomerBlock: () => ({ customerBlock: { __typename: "BlockPayload", customer: blocked, userErrors: [] } }),
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    expect(screen.queryByText(/Online booking blocked/, { selector: ".chip" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Block" }));
    const dialog = screen.getByRole("dialog", { name: "Block Anna Müller?" });
    await user.type(within(dialog).getByLabelText("Reason"), "Rude");
    await user.click(within(dialog).getByRole("button", { name: "Block customer" }));
    await screen.findByText(/Online booking blocked/, { selector: ".chip" });
    expect(api.callsOf("CustomerBlock")[0].variables).toEqual({ id: customer.id, reason: "Rude" });
    expect(screen.getByRole("button", { name: "Unblock" })).toBeTruthy();
    await user.click(screen.getByRole("tab", { name: "History" }));
    const entries = screen.getByRole("list", { name: "History entries" });
    expect(entries.textContent).toMatch(/Blocked\s*Ada Admin/);
    expect(api.callsOf("CustomerProfile")).toHaveLength(1);
  });

  it("shows the history with readable changes and loads older entries", async () => {
    const customer = profileCustomer({
      history: historyPage(
        [auditEntry({ changes: [{ __typename: "FieldChange", field: "address", from: null, to: { city: "Bern", street: null } }] })],
        { totalCount: 2, hasNextPage: true },
      ),
    });
    const older = auditEntry({ action: "CREATED", actorName: "online booking" });
    const { user, api } = render(customer, ["READ_CUSTOMERS"], {
      CustomerHistoryPage: () => ({
        customer: { __typename: "Customer", id: customer.id, history: { ...historyPage([older]), totalCount: undefined } },
      }),
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("tab", { name: "History" }));
    expect(screen.getByRole("tabpanel").textContent).toContain("Address: — → city: Bern");
    await user.click(screen.getByRole("button", { name: "Show older entries" }));
    await screen.findByText("online booking");
    await waitFor(() => expect(api.callsOf("CustomerHistoryPage")[0]?.variables?.after).toBe(customer.history.pageInfo.endCursor));
  });
});
