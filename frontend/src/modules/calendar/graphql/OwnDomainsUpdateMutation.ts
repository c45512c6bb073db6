import { graphql } from "../../../gql";

/** Replace the business's own email domains (the whole list); the cached account updates itself. */
export const OwnDomainsUpdateMutation = graphql(`
  mutation OwnDomainsUpdate($ownDomains: [String!]!) {
    accountSettingsUpdate(ownDomains: $ownDomains) {
      account {
        slug
        ownDomains
        ownDomainSuggestions
      }
      userErrors {
        ...AccountErrorFields
      }
    }
  }
`);
