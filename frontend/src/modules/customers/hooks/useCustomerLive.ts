// Keeps an open profile fresh: customerChanged(id) over the shared WebSocket client. The cache
// merges each event's customer into the profile; a deletion is reported to the page.
import { useSubscription } from "urql";
import type { ChangeKind } from "../../../gql/graphql";
import { CustomerChangedSubscription } from "../graphql/CustomerChangedSubscription";

export function useCustomerLive(id: string, enabled = true): { lastKind: ChangeKind | null } {
  const [result] = useSubscription({
    query: CustomerChangedSubscription,
    variables: { id },
    pause: !enabled,
  });
  return { lastKind: result.data?.customerChanged.kind ?? null };
}
