import { graphql } from "../../../gql";

/** Who is signed in, what they may do, and the CSRF token their POSTs must carry. */
export const SessionFields = graphql(`
  fragment SessionFields on Me {
    userId
    name
    via
    permissions
    csrfToken
    account {
      name
      slug
      bookingBlockedMessage
    }
  }
`);
