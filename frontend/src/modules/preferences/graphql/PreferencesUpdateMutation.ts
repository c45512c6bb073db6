import { graphql } from "../../../gql";

/** The customer's changes from the preferences page (no login); typed here, sent from documents.ts. */
export const PreferencesUpdateMutation = graphql(`
  mutation PreferencesUpdate($token: String!, $input: PreferencesInput!) {
    preferencesUpdate(token: $token, input: $input) {
      preferences {
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
      userErrors {
        field
        message
        code
      }
    }
  }
`);
