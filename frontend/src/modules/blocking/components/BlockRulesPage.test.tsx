import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { BlockedBookingAttemptsQuery } from "../../../gql/graphql";
import { blockRule, type Data } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { BlockRulesPage } from "./BlockRulesPage";

const emptyAttempts: Data<BlockedBookingAttemptsQuery> = {
  blockedBookingAttempts: {
    __typename: "BlockedBookingAttemptConnection",
    totalCount: 0,
    pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
    edges: [],
  },
};

describe("BlockRulesPage", () => {
  it("is read only for read:customers: no form, no attempts, no message editor", async () => {
    const api = mockClient({ BlockRules: () => ({ blockRules: [blockRule()] }) }, { cache: true });
    renderPage(<BlockRulesPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) });
    await screen.findByRole("list", { name: "Block rules" });
    expect(screen.queryByRole("form", { name: "Add a rule" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete rule/ })).toBeNull();
    expect(screen.queryByText("Refused online bookings")).toBeNull();
    expect(screen.queryByText("Message for blocked customers")).toBeNull();
    expect(api.callsOf("BlockedBookingAttempts")).toHaveLength(0);
  });

  it("shows DUPLICATE at the value field; hides the message editor without manage:settings", async () => {
    const api = mockClient(
      {
        BlockRules: () => ({ blockRules: [] }),
        BlockedBookingAttempts: () => emptyAttempts,
        BlockRuleCreate: () => ({
          blockRuleCreate: {
            __typename: "BlockPayload",
            blockRules: [],
            userErrors: [{ __typename: "BlockError", field: "value", message: "This rule exists already.", code: "DUPLICATE" }],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<BlockRulesPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "EDIT_BLOCKED_CUSTOMERS"]) });
    await screen.findByText("No online booking has been refused.");
    expect(screen.queryByText("Message for blocked customers")).toBeNull();
    const form = screen.getByRole("form", { name: "Add a rule" });
    await user.selectOptions(within(form).getByLabelText("Kind"), "DOMAIN");
    await user.type(within(form).getByLabelText("Value"), "spam.example");
    await user.click(within(form).getByRole("button", { name: "Add rule" }));
    expect(await within(form).findByText("This rule exists already.")).toBeTruthy();
    expect(within(form).getByLabelText("Value").getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("BlockRuleCreate")[0].variables).toEqual({ kind: "DOMAIN", value: "spam.example", reason: "" });
  });

  it("edits the message blocked customers see with manage:settings", async () => {
    const api = mockClient(
      {
        BlockRules: () => ({ blockRules: [] }),
        BlockedBookingAttempts: () => emptyAttempts,
        AccountSettingsUpdate: (variables) => ({
          accountSettingsUpdate: {
            __typename: "AccountSettingsUpdatePayload",
            account: { __typename: "AccountSettings", name: "Demo", slug: "demo", bookingBlockedMessage: variables.bookingBlockedMessage },
            userErrors: [],
          },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<BlockRulesPage />, {
      client: api.client,
      wrap: withSession(["READ_CUSTOMERS", "EDIT_BLOCKED_CUSTOMERS", "MANAGE_SETTINGS"]),
    });
    const message = await screen.findByLabelText("Message");
    expect((message as HTMLTextAreaElement).value).toBe("Please call us.");
    await user.clear(message);
    await user.type(message, "Please phone the studio.");
    await user.click(screen.getByRole("button", { name: "Save message" }));
    await screen.findByText("Message saved.");
    expect(api.callsOf("AccountSettingsUpdate")[0].variables).toEqual({ bookingBlockedMessage: "Please phone the studio." });
  });
});
