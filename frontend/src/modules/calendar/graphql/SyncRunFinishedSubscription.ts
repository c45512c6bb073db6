import { graphql } from "../../../gql";

/** Finished sync runs of the account (the cache then refetches the runs and sources shown). */
export const SyncRunFinishedSubscription = graphql(`
  subscription SyncRunFinished {
    syncRunFinished {
      ...SyncRunFields
    }
  }
`);
