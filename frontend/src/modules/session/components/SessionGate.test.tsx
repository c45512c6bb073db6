import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Provider } from "urql";
import { fetchOptions } from "../../../shared/api/requestOptions";
import type { Permission } from "../../../gql/graphql";
import type { SessionMe } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { useCan } from "../hooks/useSession";
import { SessionGate } from "./SessionGate";

const me = (permissions: Permission[]): SessionMe => ({
  __typename: "Me",
  userId: "U3RhZmZVc2VyOjE=",
  name: "Sam Staff",
  via: "session",
  permissions,
  csrfToken: "csrf-123",
  account: { __typename: "AccountSettings", name: "Demo Practice", slug: "demo-practice", bookingBlockedMessage: "Please call us." },
});

function Probe() {
  const canDelete = useCan("DELETE_CUSTOMERS");
  return <p>{canDelete ? "may delete" : "may not delete"}</p>;
}

describe("SessionGate", () => {
  it("asks for a sign-in, then shows the app with the session's CSRF token on every request", async () => {
    let signedIn = false;
    const api = mockClient({
      Me: () => ({ me: signedIn ? me(["READ_CUSTOMERS"]) : null }),
      Login: (variables) => {
        if (variables.password !== "right") {
          return {
            login: {
              __typename: "LoginPayload",
              me: null,
              userErrors: [{ __typename: "AccountError", field: null, message: "Wrong email or password.", code: "INVALID_CREDENTIALS" }],
            },
          };
        }
        signedIn = true;
        return { login: { __typename: "LoginPayload", me: me(["READ_CUSTOMERS"]), userErrors: [] } };
      },
    });
    const user = userEvent.setup();
    render(
      <Provider value={api.client}>
        <SessionGate>
          <Probe />
        </SessionGate>
      </Provider>,
    );
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
    await user.type(screen.getByLabelText("Email"), "staff@default.example.com");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Wrong email or password.");

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "right");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("may not delete")).toBeTruthy();
    expect((fetchOptions().headers as Record<string, string>)["x-csrf-token"]).toBe("csrf-123");
    await waitFor(() => expect(api.callsOf("Me")).toHaveLength(2));
  });
});
