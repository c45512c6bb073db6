import { graphql } from "../../../gql";

/** The business's own email domains and the ones the calendars suggest (AccountSettings is keyed by slug). */
export const OwnDomainsQuery = graphql(`
  query OwnDomains {
    me {
      account {
        slug
        ownDomains
        ownDomainSuggestions
      }
    }
  }
`);
