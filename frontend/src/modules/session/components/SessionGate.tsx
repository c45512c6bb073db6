// Asks who is signed in before anything else: the sign-in page for nobody, the app otherwise.
import { useEffect, useMemo, type ReactNode } from "react";
import { useMutation, useQuery } from "urql";
import { onSessionLost, setCsrfToken } from "../../../shared/api/requestOptions";
import { ErrorState, Loading } from "../../../shared/components/States";
import { LogoutMutation } from "../graphql/LogoutMutation";
import { MeQuery } from "../graphql/MeQuery";
import { SessionContext, type Session } from "../hooks/useSession";
import { LoginPage } from "./LoginPage";

const ME_CONTEXT = { preferGetMethod: "force" as const };

export function SessionGate({ children }: { children: ReactNode }) {
  // GET: a request riding on the session cookie needs the CSRF token for POST, and this is
  // the request that tells us the token.
  const [result, reexecute] = useQuery({ query: MeQuery, requestPolicy: "network-only", context: ME_CONTEXT });
  const [, logout] = useMutation(LogoutMutation);
  const me = result.data?.me ?? null;
  if (me) setCsrfToken(me.csrfToken); // before the children's first request

  useEffect(() => onSessionLost(() => reexecute({ requestPolicy: "network-only" })), [reexecute]);

  const session = useMemo<Session | null>(
    () =>
      me && {
        me,
        can: (permission) => me.permissions.includes(permission),
        signOut: () => {
          void logout({}).then(() => {
            setCsrfToken(null);
            window.location.assign("/"); // a fresh page: no cached data of this user remains
          });
        },
      },
    [me, logout],
  );

  if (!result.data) {
    return result.error ? (
      <main id="main" className="app-main">
        <ErrorState title="Clientele could not start." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
      </main>
    ) : (
      <main id="main" className="app-main">
        <Loading label="Starting…" />
      </main>
    );
  }
  if (!session) return <LoginPage onSignedIn={() => reexecute({ requestPolicy: "network-only" })} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
