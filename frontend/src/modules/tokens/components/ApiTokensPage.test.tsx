import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ApiTokenFieldsFragment } from "../../../gql/graphql";
import type { Answer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { ApiTokensPage } from "./ApiTokensPage";

type Token = Answer<ApiTokenFieldsFragment>;
const token = (overrides: Partial<Token> = {}): Token => ({
  __typename: "ApiToken",
  id: "QXBpVG9rZW46MQ==",
  name: "Widget",
  prefix: "clt_ab12",
  permissions: ["READ_CUSTOMERS"],
  createdAt: "2026-03-01T09:00:00+00:00",
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

describe("ApiTokensPage", () => {
  it("offers only the user's own permissions, shows PERMISSION_NOT_HELD inline, then the secret once", async () => {
    let tokens: ReturnType<typeof token>[] = [];
    let attempt = 0;
    const api = mockClient(
      {
        ApiTokens: () => ({ apiTokens: tokens }),
        ApiTokenCreate: () => {
          attempt += 1;
          if (attempt === 1) {
            return {
              apiTokenCreate: {
                __typename: "ApiTokenCreatePayload",
                apiToken: null,
                token: null,
                userErrors: [{ __typename: "AccountError", field: "permissions", message: "You do not hold EDIT_CUSTOMERS.", code: "PERMISSION_NOT_HELD" }],
              },
            };
          }
          tokens = [token()];
          return { apiTokenCreate: { __typename: "ApiTokenCreatePayload", apiToken: tokens[0], token: "clt_secret_value", userErrors: [] } };
        },
      },
      { cache: true },
    );
    const { user } = renderPage(<ApiTokensPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS", "EDIT_CUSTOMERS"]) });
    await screen.findByText("You have no API tokens yet.");
    const form = screen.getByRole("form", { name: "New token" });
    expect(within(form).getAllByRole("checkbox")).toHaveLength(2);
    await user.type(within(form).getByLabelText("Name"), "Widget");
    await user.click(within(form).getByRole("checkbox", { name: /edit:customers/ }));
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect((await within(form).findByRole("alert")).textContent).toContain("You do not hold EDIT_CUSTOMERS.");
    await user.click(within(form).getByRole("button", { name: "Create token" }));
    expect((await screen.findByLabelText("New token secret")).textContent).toBe("clt_secret_value");
    expect(screen.getByText(/you will not see it again/)).toBeTruthy();
    expect(api.callsOf("ApiTokenCreate")[1].variables).toEqual({ name: "Widget", permissions: ["EDIT_CUSTOMERS"] });
    await screen.findByRole("list", { name: "API tokens" });
    await user.click(screen.getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByText("clt_secret_value")).toBeNull();
  });

  it("revokes after confirmation", async () => {
    const api = mockClient(
      {
        ApiTokens: () => ({ apiTokens: [token()] }),
        ApiTokenRevoke: () => ({
          apiTokenRevoke: { __typename: "ApiTokenRevokePayload", apiToken: token({ revokedAt: "2026-03-02T09:00:00+00:00" }), userErrors: [] },
        }),
      },
      { cache: true },
    );
    const { user } = renderPage(<ApiTokensPage />, { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) });
    await user.click(await screen.findByRole("button", { name: "Revoke Widget" }));
    await user.click(within(screen.getByRole("dialog", { name: "Revoke token?" })).getByRole("button", { name: "Revoke token" }));
    await screen.findByText("Revoked", { selector: ".badge" });
    expect(screen.queryByRole("button", { name: "Revoke Widget" })).toBeNull();
  });
});
