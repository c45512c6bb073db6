// A signed-in session with the given permissions, for components that ask useCan().
import type { ReactElement } from "react";
import type { Permission } from "../gql/graphql";
import { SessionContext, type Session } from "../modules/session/hooks/useSession";
import type { SessionMe } from "./fixtures";

export function sessionWith(permissions: Permission[], account: Partial<SessionMe["account"]> = {}): Session {
  const me: SessionMe = {
    __typename: "Me",
    userId: "U3RhZmZVc2VyOjE=",
    name: "Ada Admin",
    via: "session",
    permissions,
    csrfToken: "csrf",
    account: { __typename: "AccountSettings", name: "Demo", slug: "demo", bookingBlockedMessage: "Please call us.", ...account },
  };
  return {
    me,
    can: (permission) => permissions.includes(permission),
    signOut: () => {},
  };
}

export const withSession = (permissions: Permission[]) => (node: ReactElement) => (
  <SessionContext.Provider value={sessionWith(permissions)}>{node}</SessionContext.Provider>
);
