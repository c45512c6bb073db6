import { graphql } from "../../../gql";

/**
 * The customer's preferences, by the token of the link in a message (no login). Typed here by
 * codegen; the page sends the same operation from documents.ts.
 */
export const PreferencesQuery = graphql(`
  query Preferences($token: String!) {
    preferences(token: $token) {
      businessName
      firstName
      email
      mobilePhone
      emailEnabled
      smsEnabled
      preferredMedium
      preferredLanguage
      languages
    }
  }
`);
