import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AccountErrorCode, AccountErrorFieldsFragment, RoleFieldsFragment, StaffUserFieldsFragment } from "../../../gql/graphql";
import type { Answer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { RequirePermission } from "../../session/components/RequirePermission";
import { UsersAndRolesPage } from "./UsersAndRolesPage";

const admin: Answer<RoleFieldsFragment> = { __typename: "Role", id: "Um9sZTox", name: "admin", permissions: ["READ_CUSTOMERS", "MANAGE_USERS"], builtin: true };
const custom: Answer<RoleFieldsFragment> = { __typename: "Role", id: "Um9sZToy", name: "reception", permissions: ["READ_CUSTOMERS"], builtin: false };
const user: Answer<StaffUserFieldsFragment> = {
  __typename: "StaffUser",
  id: "U3RhZmZVc2VyOjE=",
  email: "admin@default.example.com",
  name: "Ada Admin",
  role: { __typename: "Role", id: admin.id, name: "admin" },
  isActive: true,
  createdAt: "2026-01-01T09:00:00+00:00",
  lastLoginAt: null,
};
const error = (code: AccountErrorCode, message: string, field: string | null = null): Answer<AccountErrorFieldsFragment> => ({ __typename: "AccountError", field, message, code });

function render(handlers = {}) {
  const api = mockClient({ UsersAndRoles: () => ({ users: [user], roles: [admin, custom] }), ...handlers }, { cache: true });
  const view = renderPage(
    <RequirePermission permission="MANAGE_USERS">
      <UsersAndRolesPage />
    </RequirePermission>,
    { client: api.client, wrap: withSession(["READ_CUSTOMERS", "MANAGE_USERS"]) },
  );
  return { ...view, api };
}

describe("UsersAndRolesPage", () => {
  it("shows LAST_ADMIN when the last admin would be deactivated", async () => {
    const { user: actor, api } = render({
      UserUpdate: () => ({ userUpdate: { __typename: "UserUpdatePayload", user: null, userErrors: [error("LAST_ADMIN", "The account must keep an admin.")] } }),
    });
    await actor.click(await screen.findByRole("button", { name: "Edit Ada Admin" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Ada Admin" });
    await actor.click(within(dialog).getByRole("checkbox", { name: "Active (may sign in)" }));
    await actor.click(within(dialog).getByRole("button", { name: "Save" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("The account must keep an admin.");
    expect(api.callsOf("UserUpdate")[0].variables).toEqual({ id: user.id, input: { isActive: false } });
  });

  it("checks the initial password length before asking the server", async () => {
    const { user: actor, api } = render();
    await actor.click(await screen.findByRole("button", { name: "Add user" }));
    const dialog = screen.getByRole("dialog", { name: "Add user" });
    await actor.type(within(dialog).getByLabelText("Email"), "new@example.com");
    await actor.type(within(dialog).getByLabelText("Name"), "New Person");
    await actor.type(within(dialog).getByLabelText("Initial password"), "short");
    await actor.click(within(dialog).getByRole("button", { name: "Add user" }));
    expect(within(dialog).getByText("At least 10 characters.")).toBeTruthy();
    expect(api.callsOf("UserCreate")).toHaveLength(0);
  });

  it("keeps built-in roles read only and shows ROLE_IN_USE", async () => {
    const { user: actor } = render({
      RoleDelete: () => ({ roleDelete: { __typename: "RolePayload", role: null, userErrors: [error("ROLE_IN_USE", "Users still have this role.")] } }),
    });
    await screen.findByRole("list", { name: "Roles" });
    expect(screen.queryByRole("button", { name: "Edit role admin" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete role admin" })).toBeNull();
    await actor.click(screen.getByRole("button", { name: "Delete role reception" }));
    const dialog = screen.getByRole("dialog", { name: "Delete role reception?" });
    await actor.click(within(dialog).getByRole("button", { name: "Delete role" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Users still have this role.");
  });

  it("says 'You don't have access' without manage:users, and asks nothing", () => {
    const api = mockClient({});
    renderPage(
      <RequirePermission permission="MANAGE_USERS">
        <UsersAndRolesPage />
      </RequirePermission>,
      { client: api.client, wrap: withSession(["READ_CUSTOMERS"]) },
    );
    expect(screen.getByRole("heading", { name: "You don't have access" })).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });
});
