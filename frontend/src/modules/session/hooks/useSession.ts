// The signed-in staff member, shared through context: their name, permissions and sign-out.
import { createContext, useContext } from "react";
import type { Permission, SessionFieldsFragment } from "../../../gql/graphql";

export interface Session {
  me: SessionFieldsFragment;
  can: (permission: Permission) => boolean;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session; outside a signed-in tree (tests, previews) everything is allowed. */
export function useSession(): Session | null {
  return useContext(SessionContext);
}

export function useCan(permission: Permission): boolean {
  const session = useSession();
  return session ? session.can(permission) : true;
}
