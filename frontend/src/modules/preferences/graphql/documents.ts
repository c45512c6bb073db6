// The preferences page's operations at run time. Like the booking page's, they are parsed by
// urql's own small parser, so the page loads neither the staff app's documents (src/gql) nor
// graphql-js. Their types come from codegen, which reads the same operations in
// PreferencesQuery.ts and PreferencesUpdateMutation.ts (documents.test.ts keeps them the same).
import { gql, type TypedDocumentNode } from "@urql/core";
import type {
  PreferencesQuery,
  PreferencesQueryVariables,
  PreferencesUpdateMutation,
  PreferencesUpdateMutationVariables,
} from "../../../gql/graphql";

export const PreferencesDocument: TypedDocumentNode<PreferencesQuery, PreferencesQueryVariables> = gql`
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
`;

export const PreferencesUpdateDocument: TypedDocumentNode<PreferencesUpdateMutation, PreferencesUpdateMutationVariables> = gql`
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
`;
