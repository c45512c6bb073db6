import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { calendarError, ignoreRule, ignoreRules, unmatchedAppointment, unmatchedServer, type UnmatchedAppointment } from "./calendarFixtures";
import { IgnoreRules } from "./IgnoreRules";
import { UnmatchedAppointments, UNMATCHED_PAGE } from "./UnmatchedAppointments";

const MANAGER = withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS", "MANAGE_SETTINGS"]);

function render(rows: () => UnmatchedAppointment[], handlers: Parameters<typeof mockClient>[0] = {}, wrap = MANAGER) {
  const api = mockClient({ UnmatchedAppointments: unmatchedServer(rows), CalendarIgnoreRules: () => ignoreRules(), ...handlers }, { cache: true });
  const view = renderPage(
    <>
      <UnmatchedAppointments />
      <IgnoreRules />
    </>,
    { client: api.client, wrap },
  );
  return { ...view, api };
}

const heading = (count: number) => screen.findByRole("heading", { name: `Unmatched appointments (${count})` });

describe("UnmatchedAppointments", () => {
  it("pages with “Show more” until every appointment counted is listed", async () => {
    const rows = Array.from({ length: UNMATCHED_PAGE * 2 + 7 }, (_, index) => unmatchedAppointment({ title: `Event ${index + 1}` }));
    const { user, api } = render(() => rows);
    await screen.findByText(`(${rows.length})`);
    const list = screen.getByRole("list", { name: "Unmatched appointments" });
    // (Counted by selector: role queries over a hundred rows are slow in jsdom.)
    const listed = () => [...list.querySelectorAll(":scope > li .admin-row__name")].map((name) => name.textContent);
    expect(listed()).toHaveLength(UNMATCHED_PAGE);
    await user.click(screen.getByText("Show more", { selector: "button" }));
    await waitFor(() => expect(listed()).toHaveLength(UNMATCHED_PAGE * 2));
    await user.click(screen.getByText("Show more", { selector: "button" }));
    await waitFor(() => expect(listed()).toHaveLength(rows.length));
    expect(screen.queryByText("Show more", { selector: "button" })).toBeNull();
    expect(listed()).toEqual(rows.map((row) => row.title));
    expect(api.callsOf("UnmatchedAppointments").map((call) => call.variables)).toEqual([
      { first: UNMATCHED_PAGE, after: null },
      { first: UNMATCHED_PAGE, after: rows[UNMATCHED_PAGE - 1].id },
      { first: UNMATCHED_PAGE, after: rows[UNMATCHED_PAGE * 2 - 1].id },
    ]);
    expect(screen.getByText("Unmatched appointments", { selector: "h2", exact: false }).textContent).toBe(`Unmatched appointments (${rows.length})`);
  });

  it("“Ignore events like this…” makes a rule from the title (editable); the rows it covers leave, the count drops and the rule is listed", async () => {
    let rows = [
      unmatchedAppointment({ title: "Team meeting 12 May" }),
      unmatchedAppointment({ title: "Walk-in" }),
      unmatchedAppointment({ title: "TEAM MEETING 19 May" }),
    ];
    let rules: ReturnType<typeof ignoreRule>[] = [];
    const { user, api } = render(() => rows, {
      CalendarIgnoreRules: () => ignoreRules(rules),
      CalendarIgnoreRuleCreate: (variables) => {
        const text = String(variables.titleContains);
        if (text.length > 20) {
          return { calendarIgnoreRuleCreate: { __typename: "CalendarIgnoreRulePayload", rule: null, removedAppointments: 0, userErrors: [calendarError("titleContains", "Too long for this test.")] } };
        }
        rows = rows.filter((row) => !row.title.toLowerCase().includes(text.toLowerCase()));
        rules = [ignoreRule(text)];
        // A cancelled one went too: the message says what the server removed.
        return { calendarIgnoreRuleCreate: { __typename: "CalendarIgnoreRulePayload", rule: rules[0], removedAppointments: 3, userErrors: [] } };
      },
    });
    await heading(3);
    expect(await screen.findByText("No events are ignored.")).toBeTruthy();
    const list = screen.getByRole("list", { name: "Unmatched appointments" });
    await user.click(within(list).getByRole("button", { name: "Ignore events like this… (Team meeting 12 May)" }));
    const dialog = screen.getByRole("dialog", { name: "Ignore events like this" });
    const field = within(dialog).getByLabelText("Title contains") as HTMLInputElement;
    expect(field.value).toBe("Team meeting 12 May");
    expect(document.activeElement).toBe(field);
    expect(within(dialog).getByText(/^Events whose title contains this text and that name no customer will not become appointments\./)).toBeTruthy();

    // Refused: the message at the field, the dialog stays.
    await user.clear(field);
    await user.type(field, "Team meeting on every Monday");
    await user.click(within(dialog).getByRole("button", { name: "Ignore these events" }));
    expect(await within(dialog).findByText("Too long for this test.")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");

    await user.clear(field);
    await user.type(field, "  Team   meeting ");
    await user.click(within(dialog).getByRole("button", { name: "Ignore these events" }));
    expect(await screen.findByText("Events with “Team meeting” in their title are ignored from now on: 3 appointments removed.")).toBeTruthy();
    expect(api.callsOf("CalendarIgnoreRuleCreate").at(-1)?.variables).toEqual({ titleContains: "Team meeting" });
    expect(screen.queryByRole("dialog", { name: "Ignore events like this" })).toBeNull();
    expect(within(list).getAllByRole("listitem").map((item) => item.querySelector(".admin-row__name")?.textContent)).toEqual(["Walk-in"]);
    expect(await heading(1)).toBeTruthy();
    const ruleList = await screen.findByRole("list", { name: "Ignore rules" });
    expect(within(ruleList).getByText("Title contains “Team meeting”")).toBeTruthy();
  });

  it("is read only without edit:customers and manage:settings", async () => {
    render(() => [unmatchedAppointment({ title: "Walk-in" })], { CalendarIgnoreRules: () => ignoreRules([ignoreRule("Holiday")]) }, withSession(["READ_CUSTOMERS"]));
    await heading(1);
    expect(screen.queryByRole("button", { name: /Link to customer/ })).toBeNull();
    expect(screen.queryByRole("button", { name: /Ignore events like this/ })).toBeNull();
    const ruleList = await screen.findByRole("list", { name: "Ignore rules" });
    expect(within(ruleList).getByText("Title contains “Holiday”")).toBeTruthy();
    expect(within(ruleList).queryByRole("button")).toBeNull();
  });
});

describe("IgnoreRules", () => {
  it("removes a rule and says its events come back at the next sync", async () => {
    let rules = [ignoreRule("Holiday"), ignoreRule("Team meeting")];
    const { user, api } = render(() => [], {
      CalendarIgnoreRules: () => ignoreRules(rules),
      CalendarIgnoreRuleDelete: (variables) => {
        rules = rules.filter((rule) => rule.id !== variables.id);
        return { calendarIgnoreRuleDelete: { __typename: "CalendarIgnoreRulePayload", userErrors: [] } };
      },
    });
    const ruleList = await screen.findByRole("list", { name: "Ignore rules" });
    expect(screen.getByRole("heading", { name: "Ignored events (2)" })).toBeTruthy();
    expect(screen.getByText(/Removing a rule brings its events back at the next sync\./)).toBeTruthy();
    await user.click(within(ruleList).getByRole("button", { name: "Remove the rule “Holiday”" }));
    expect(await screen.findByText("The rule “Holiday” is removed: its events come back at the next sync.")).toBeTruthy();
    expect(api.callsOf("CalendarIgnoreRuleDelete")[0].variables).toEqual({ id: ignoreRule("Holiday").id });
    expect(await screen.findByRole("heading", { name: "Ignored events (1)" })).toBeTruthy();
    expect(within(ruleList).queryByText("Title contains “Holiday”")).toBeNull();
  });

  it("shows the API's refusal", async () => {
    const { user } = render(() => [], {
      CalendarIgnoreRules: () => ignoreRules([ignoreRule("Holiday")]),
      CalendarIgnoreRuleDelete: () => ({
        calendarIgnoreRuleDelete: { __typename: "CalendarIgnoreRulePayload", userErrors: [calendarError(null, "Ignore rule not found.", "NOT_FOUND")] },
      }),
    });
    const ruleList = await screen.findByRole("list", { name: "Ignore rules" });
    await user.click(within(ruleList).getByRole("button", { name: "Remove the rule “Holiday”" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The rule was not removed:");
    expect(alert.textContent).toContain("Ignore rule not found.");
  });
});
