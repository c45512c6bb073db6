// customerUnmerge with its outcome kept for display: the refusal's message (CHANGED_SINCE,
// UNMERGE_EXPIRED, ALREADY_UNMERGED…) or the failure, plainly.
import { useState } from "react";
import { useMutation } from "urql";
import { errorText } from "../../../shared/components/States";
import { CustomerUnmergeMutation } from "../graphql/CustomerUnmergeMutation";

export interface UnmergeOutcome {
  /** The names of the two customers, back as they were. */
  done?: { keptName: string; restoredName: string; restoredId: string };
  error?: string;
}

export function useUnmerge() {
  const [{ fetching }, mutate] = useMutation(CustomerUnmergeMutation);
  const [outcome, setOutcome] = useState<UnmergeOutcome | null>(null);
  async function unmerge(mergeId: string): Promise<boolean> {
    setOutcome(null);
    const result = await mutate({ mergeId });
    const payload = result.data?.customerUnmerge;
    if (!payload) {
      setOutcome({ error: result.error ? errorText(result.error) : "The server sent no answer." });
      return false;
    }
    if (payload.userErrors.length) {
      setOutcome({ error: payload.userErrors.map((e) => e.message).join(" ") });
      return false;
    }
    setOutcome({
      done: {
        keptName: payload.customer?.displayName || "The kept customer",
        restoredName: payload.restoredCustomer?.displayName || "the other customer",
        restoredId: payload.restoredCustomer?.id ?? "",
      },
    });
    return true;
  }
  return { unmerge, busy: fetching, outcome };
}
