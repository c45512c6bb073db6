// A page only some users may see: without the permission, a clear "no access" state instead.
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Permission } from "../../../gql/graphql";
import { EmptyState } from "../../../shared/components/States";
import { useCan } from "../hooks/useSession";

export function NoAccess() {
  return (
    <section className="page" aria-labelledby="no-access-title">
      <h1 id="no-access-title">You don't have access</h1>
      <EmptyState title="Your role does not allow this page.">
        <p>
          Ask someone who manages users to change your role. <Link to="/customers">Go to the customer list</Link>
        </p>
      </EmptyState>
    </section>
  );
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? <>{children}</> : <NoAccess />;
}
