import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { ownDomains } from "./calendarFixtures";
import { OwnDomains } from "./OwnDomains";

const GENERIC = "gmail.com is a mail service anyone can use: its other users are your customers, so it cannot be one of your own domains.";

/** The account's domains as the server keeps them; gmail.com is refused as the API does. */
function server(initial: string[], suggestions: string[]) {
  let domains = initial;
  const account = () => ownDomains(domains, suggestions.filter((domain) => !domains.includes(domain))).me!.account;
  return mockClient(
    {
      OwnDomains: () => ownDomains(domains, suggestions.filter((domain) => !domains.includes(domain))),
      OwnDomainsUpdate: (variables) => {
        const wanted = variables.ownDomains as string[];
        if (wanted.includes("gmail.com")) {
          return {
            accountSettingsUpdate: {
              __typename: "AccountSettingsUpdatePayload",
              account: null,
              userErrors: [{ __typename: "AccountError", field: "ownDomains", message: GENERIC, code: "INVALID" }],
            },
          };
        }
        domains = wanted;
        return { accountSettingsUpdate: { __typename: "AccountSettingsUpdatePayload", account: account(), userErrors: [] } };
      },
    },
    { cache: true },
  );
}

describe("OwnDomains", () => {
  it("adds a typed domain and a suggested one, removes one, and shows a refusal", async () => {
    const api = server(["praxis-weber.ch"], ["weber-physio.ch"]);
    const { user } = renderPage(<OwnDomains />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]) });
    const list = await screen.findByRole("list", { name: "Your email domains" });
    expect(within(list).getByText("praxis-weber.ch")).toBeTruthy();
    expect(screen.getByText("People at these addresses are staff, never customers, in every calendar.")).toBeTruthy();

    await user.click(within(screen.getByRole("list", { name: "Suggested domains" })).getByRole("button", { name: "Add weber-physio.ch" }));
    expect(await screen.findByText("Added: weber-physio.ch.")).toBeTruthy();
    expect(api.callsOf("OwnDomainsUpdate")[0].variables).toEqual({ ownDomains: ["praxis-weber.ch", "weber-physio.ch"] });
    await waitFor(() => expect(within(list).getByText("weber-physio.ch")).toBeTruthy());
    expect(screen.queryByRole("list", { name: "Suggested domains" })).toBeNull();

    const field = screen.getByLabelText("Add a domain");
    await user.type(field, "@Studio-Weber.ch");
    await user.click(screen.getByRole("button", { name: "Add domain" }));
    expect(await screen.findByText("Added: studio-weber.ch.")).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe("");

    await user.type(field, "gmail.com");
    await user.click(screen.getByRole("button", { name: "Add domain" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(GENERIC);
    expect((field as HTMLInputElement).value).toBe("gmail.com");

    await user.click(within(list).getByRole("button", { name: "Remove praxis-weber.ch" }));
    expect(await screen.findByText("Removed: praxis-weber.ch.")).toBeTruthy();
    expect(api.callsOf("OwnDomainsUpdate").at(-1)?.variables).toEqual({ ownDomains: ["weber-physio.ch", "studio-weber.ch"] });
    await waitFor(() => expect(within(list).queryByText("praxis-weber.ch")).toBeNull());
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is read only without manage:settings: the list, no suggestions, nothing to change", async () => {
    const api = server(["praxis-weber.ch"], ["weber-physio.ch"]);
    renderPage(<OwnDomains />, { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) });
    const list = await screen.findByRole("list", { name: "Your email domains" });
    expect(within(list).getByText("praxis-weber.ch")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByLabelText("Add a domain")).toBeNull();
    expect(screen.queryByText("weber-physio.ch")).toBeNull();
  });

  it("says when there are none yet", async () => {
    const api = server([], []);
    renderPage(<OwnDomains />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_SETTINGS"]) });
    expect(await screen.findByText("None yet.")).toBeTruthy();
  });
});
