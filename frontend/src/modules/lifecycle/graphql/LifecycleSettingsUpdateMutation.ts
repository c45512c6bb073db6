import { graphql } from "../../../gql";

/** Both rules at once: a null turns a rule off. */
export const LifecycleSettingsUpdateMutation = graphql(`
  mutation LifecycleSettingsUpdate($archiveAfterMonths: Int, $eraseAfterMonths: Int) {
    accountSettingsUpdate(archiveAfterMonths: $archiveAfterMonths, eraseAfterMonths: $eraseAfterMonths) {
      account {
        slug
        archiveAfterMonths
        eraseAfterMonths
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
