import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { auditEntry, historyPage, profileCustomer } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerProfilePage } from "../../customers/components/CustomerProfilePage";
import { entryMergeUuid, mergeGlobalId, unmergeWindowOpen } from "../../duplicates/utils/mergeIds";

const MERGE_UUID = "0b6f2a52-3c1e-4d6b-9a51-7f0e2b9c1d11";
const OTHER_UUID = "5a1c3e7d-2b4f-4a6e-8c9d-0e1f2a3b4c5d";
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();

const merged = (at: string) =>
  auditEntry({
    action: "MERGED",
    at,
    changes: [
      { __typename: "FieldChange", field: "mergedCustomer", from: OTHER_UUID, to: "kept" },
      { __typename: "FieldChange", field: "merge", from: null, to: MERGE_UUID },
    ],
  });

function render(entries: ReturnType<typeof auditEntry>[], permissions: Permission[], handlers: Record<string, Handler> = {}) {
  const customer = profileCustomer({ history: historyPage(entries) });
  const api = mockClient({ CustomerProfile: () => ({ customer }), ...handlers }, { cache: true });
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
    wrap: withSession(permissions),
  });
  return { ...view, api, customer };
}

async function openHistory(user: ReturnType<typeof render>["user"]) {
  await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
  await user.click(screen.getByRole("tab", { name: "History" }));
  return screen.getByRole("list", { name: "History entries" });
}

const unmergeAnswer = (userErrors: unknown[]) => ({
  customerUnmerge: {
    __typename: "CustomerUnmergePayload",
    customer: userErrors.length ? null : { __typename: "Customer", id: "Q3VzdG9tZXI6MQ==", displayName: "Anna Müller" },
    restoredCustomer: userErrors.length ? null : { __typename: "Customer", id: "Q3VzdG9tZXI6Mg==", displayName: "Anna Mueller" },
    merge: userErrors.length ? null : { __typename: "CustomerMerge", id: mergeGlobalId(MERGE_UUID), unmergedAt: now.toISOString() },
    userErrors,
  },
});

describe("Unmerge in the history", () => {
  it("builds the merge's global ID from the entry's raw UUID, as the API encodes it", () => {
    expect(mergeGlobalId(MERGE_UUID)).toBe(btoa(`CustomerMerge:${MERGE_UUID}`));
    expect(entryMergeUuid(merged(daysAgo(1)))).toBe(MERGE_UUID);
    expect(entryMergeUuid(auditEntry({ action: "UPDATED" }))).toBeNull();
    expect(unmergeWindowOpen(daysAgo(29), now)).toBe(true);
    expect(unmergeWindowOpen(daysAgo(31), now)).toBe(false);
  });

  it("undoes a recent merge; the other profile is linked and the profile refetches", async () => {
    const { user, api } = render([merged(daysAgo(1))], ["READ_CUSTOMERS", "EDIT_CUSTOMERS"], {
      CustomerUnmerge: () => unmergeAnswer([]),
    });
    const entries = await openHistory(user);
    await user.click(within(entries).getByRole("button", { name: "Unmerge" }));
    const done = await within(entries).findByRole("status");
    expect(done.textContent).toContain("The merge is undone");
    expect(within(done).getByRole("link", { name: "Anna Mueller" })).toBeTruthy();
    expect(api.callsOf("CustomerUnmerge")[0].variables).toEqual({ mergeId: mergeGlobalId(MERGE_UUID) });
    await waitFor(() => expect(api.callsOf("CustomerProfile")).toHaveLength(2));
  });

  it("shows the refusal plainly (changed since)", async () => {
    const message = "A field the merge changed was changed again since (email); undoing the merge would lose that change.";
    const { user } = render([merged(daysAgo(1))], ["READ_CUSTOMERS", "EDIT_CUSTOMERS"], {
      CustomerUnmerge: () => unmergeAnswer([{ __typename: "CustomerMergeError", field: "mergeId", message, code: "CHANGED_SINCE" }]),
    });
    const entries = await openHistory(user);
    await user.click(within(entries).getByRole("button", { name: "Unmerge" }));
    expect((await within(entries).findByRole("alert")).textContent).toBe(`The merge could not be undone: ${message}`);
    expect(within(entries).getByRole("button", { name: "Unmerge" })).toBeTruthy();
  });

  it("offers no Unmerge once the window is over, once undone, or without edit:customers", async () => {
    const undone = auditEntry({
      action: "UNMERGED",
      changes: [{ __typename: "FieldChange", field: "merge", from: MERGE_UUID, to: null }],
    });
    const first = render([merged(daysAgo(31))], ["READ_CUSTOMERS", "EDIT_CUSTOMERS"]);
    let entries = await openHistory(first.user);
    expect(within(entries).getByText("Merged")).toBeTruthy();
    expect(within(entries).queryByRole("button", { name: "Unmerge" })).toBeNull();
    first.unmount();
    const second = render([undone, merged(daysAgo(1))], ["READ_CUSTOMERS", "EDIT_CUSTOMERS"]);
    entries = await openHistory(second.user);
    expect(within(entries).getByText("Unmerged")).toBeTruthy();
    expect(within(entries).queryByRole("button", { name: "Unmerge" })).toBeNull();
    second.unmount();
    const third = render([merged(daysAgo(1))], ["READ_CUSTOMERS"]);
    entries = await openHistory(third.user);
    expect(within(entries).queryByRole("button", { name: "Unmerge" })).toBeNull();
  });
});
