import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission } from "../../../gql/graphql";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { DuplicatesPage } from "./DuplicatesPage";

const customer = (id: string, displayName: string, overrides: Record<string, unknown> = {}) => ({
  __typename: "Customer",
  id,
  displayName,
  email: null,
  mobilePhoneDisplay: "079 123 45 67",
  landlinePhoneDisplay: null,
  dateOfBirth: null,
  company: null,
  createdAt: "2026-01-01T10:00:00+00:00",
  appointments: { __typename: "AppointmentConnection", totalCount: 1 },
  ...overrides,
});

const anna = customer("Q3VzdG9tZXI6MQ==", "Anna Müller", { email: "anna@example.ch" });
const annaToo = customer("Q3VzdG9tZXI6Mg==", "Anna Mueller", { email: "ANNA@example.ch" });

function candidates(groups: { id: string; score: number; reasons: string[]; customers: unknown[] }[]) {
  return {
    duplicateCandidates: {
      __typename: "DuplicateCandidateConnection",
      totalCount: groups.length,
      refreshedAt: "2026-11-30T07:00:00+00:00",
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
      edges: groups.map((node) => ({ __typename: "DuplicateCandidateEdge", node: { __typename: "DuplicateCandidate", ...node } })),
    },
  };
}

const group = { id: "RHVwbGljYXRlQ2FuZGlkYXRlOjE=", score: 90, reasons: ["SAME_EMAIL_NORMALISED", "SAME_PHONE"], customers: [anna, annaToo] };

const preview = {
  customerMergePreview: {
    __typename: "CustomerMergePreview",
    fields: [
      { __typename: "CustomerMergeField", field: "lastName", keepValue: "Müller", mergeValue: "Mueller", default: "KEEP" },
      { __typename: "CustomerMergeField", field: "company", keepValue: null, mergeValue: "Acme AG", default: "MERGE" },
    ],
    notKept: [],
  },
};

const mergeAnswer = {
  customerMerge: {
    __typename: "CustomerMergePayload",
    customer: { __typename: "Customer", id: annaToo.id, displayName: "Anna Mueller" },
    merge: { __typename: "CustomerMerge", id: "Q3VzdG9tZXJNZXJnZTox", unmergeUntil: "2026-12-30T07:00:00+00:00" },
    userErrors: [],
  },
};

function render(permissions: Permission[], handlers: Record<string, Handler> = {}) {
  const api = mockClient({ DuplicateCandidates: () => candidates([group]), ...handlers }, { cache: true });
  const view = renderPage(<DuplicatesPage />, { client: api.client, path: "/duplicates", wrap: withSession(permissions) });
  return { ...view, api };
}

describe("the possible duplicates page", () => {
  it("shows each group with its score and reasons in words, side by side, without actions for read-only staff", async () => {
    render(["READ_CUSTOMERS"]);
    const groups = await screen.findByRole("list", { name: "Possible duplicate groups" });
    const card = within(groups).getByRole("article", { name: "Anna Müller and Anna Mueller" });
    expect(card.textContent).toContain("Very likely the same person (score 90 of 100)");
    const reasons = within(card).getByRole("list", { name: "Why they may be one person" });
    expect(reasons.textContent).toContain("Their email addresses reach the same mailbox.");
    expect(reasons.textContent).toContain("They share a phone number");
    const sideBySide = within(card).getByRole("group", { name: "Customers side by side" });
    expect(within(sideBySide).getByRole("region", { name: "Anna Mueller" }).textContent).toContain("ANNA@example.ch");
    expect(within(card).queryByRole("button", { name: "Not the same person" })).toBeNull();
    expect(within(card).queryByRole("button", { name: /Compare and merge/ })).toBeNull();
    expect(within(card).queryByRole("radio")).toBeNull();
  });

  it("merges with the chosen profile and values after a confirmation, then offers the kept profile and Undo", async () => {
    const { user, api } = render(["READ_CUSTOMERS", "EDIT_CUSTOMERS"], {
      CustomerMergePreview: () => preview,
      CustomerMerge: () => mergeAnswer,
      CustomerUnmerge: () => ({
        customerUnmerge: {
          __typename: "CustomerUnmergePayload",
          customer: { __typename: "Customer", id: annaToo.id, displayName: "Anna Mueller" },
          restoredCustomer: { __typename: "Customer", id: anna.id, displayName: "Anna Müller" },
          merge: { __typename: "CustomerMerge", id: "Q3VzdG9tZXJNZXJnZTox", unmergedAt: "2026-11-30T08:00:00+00:00" },
          userErrors: [],
        },
      }),
    });
    const card = await screen.findByRole("article", { name: "Anna Müller and Anna Mueller" });
    // keep the second profile instead: the comparison asks for that pair
    await user.click(within(within(card).getByRole("region", { name: "Anna Mueller" })).getByRole("radio", { name: "Keep this profile" }));
    await user.click(within(card).getByRole("button", { name: "Compare and merge…" }));
    const company = await within(card).findByRole("group", { name: "Company" });
    expect(api.callsOf("CustomerMergePreview")[0].variables).toEqual({ keepId: annaToo.id, mergeId: anna.id });
    expect((within(company).getByRole("radio", { name: /Acme AG/ }) as HTMLInputElement).checked).toBe(true);
    const lastName = within(card).getByRole("group", { name: "Last name" });
    await user.click(within(lastName).getByRole("radio", { name: /^Mueller/ }));
    await user.click(within(card).getByRole("button", { name: "Merge…" }));
    const dialog = screen.getByRole("dialog", { name: "Merge Anna Müller into Anna Mueller?" });
    expect(dialog.textContent).toContain("You can undo the merge for 30 days");
    await user.click(within(dialog).getByRole("button", { name: "Merge" }));
    const notice = await screen.findByText(/is now part of/);
    expect(api.callsOf("CustomerMerge")[0].variables).toEqual({
      keepId: annaToo.id,
      mergeId: anna.id,
      fieldChoices: [
        { field: "lastName", take: "MERGE" },
        { field: "company", take: "MERGE" },
      ],
    });
    const status = notice.closest("[role=status]") as HTMLElement;
    expect(status.textContent).toContain("Anna Müller is now part of Anna Mueller");
    expect(within(status).getByRole("link", { name: "Anna Mueller" }).getAttribute("href")).toBe(`/customers/${encodeURIComponent(annaToo.id)}`);
    // the candidates are asked afresh after the merge
    await waitFor(() => expect(api.callsOf("DuplicateCandidates").length).toBeGreaterThan(1));
    await user.click(within(status).getByRole("button", { name: "Undo (unmerge)" }));
    await screen.findByText(/The merge is undone/);
    expect(api.callsOf("CustomerUnmerge")[0].variables).toEqual({ mergeId: "Q3VzdG9tZXJNZXJnZTox" });
  });

  it("shows a refused merge in the dialog and merges nothing", async () => {
    const { user } = render(["READ_CUSTOMERS", "EDIT_CUSTOMERS"], {
      CustomerMergePreview: () => preview,
      CustomerMerge: () => ({
        customerMerge: {
          __typename: "CustomerMergePayload",
          customer: null,
          merge: null,
          userErrors: [{ __typename: "CustomerMergeError", field: null, message: "An import is about to change one of them.", code: "IMPORT_RUNNING" }],
        },
      }),
    });
    const card = await screen.findByRole("article", { name: "Anna Müller and Anna Mueller" });
    await user.click(within(card).getByRole("button", { name: "Compare and merge…" }));
    await user.click(await within(card).findByRole("button", { name: "Merge…" }));
    const dialog = screen.getByRole("dialog", { name: "Merge Anna Mueller into Anna Müller?" });
    await user.click(within(dialog).getByRole("button", { name: "Merge" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("An import is about to change one of them.");
    expect(screen.queryByText(/is now part of/)).toBeNull();
  });

  it("marks a group as different people with candidateDismiss", async () => {
    const { user, api } = render(["READ_CUSTOMERS", "EDIT_CUSTOMERS"], {
      CandidateDismiss: () => ({
        candidateDismiss: { __typename: "CandidateDismissPayload", customerIds: [anna.id, annaToo.id], userErrors: [] },
      }),
    });
    const card = await screen.findByRole("article", { name: "Anna Müller and Anna Mueller" });
    await user.click(within(card).getByRole("button", { name: "Not the same person" }));
    await screen.findByText("Anna Müller and Anna Mueller will no longer be suggested as one person.");
    expect(api.callsOf("CandidateDismiss")[0].variables).toEqual({ customerIds: [anna.id, annaToo.id] });
  });

  it("says so when there are no candidates", async () => {
    render(["READ_CUSTOMERS"], { DuplicateCandidates: () => candidates([]) });
    await screen.findByText("No possible duplicates.");
  });
});
