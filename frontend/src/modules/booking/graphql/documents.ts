// The booking page's operations at run time. They are parsed by urql's own small parser, so the
// page loads neither the staff app's documents (src/gql) nor graphql-js. Their types come from
// codegen, which reads the same operations in BookingFormFieldsQuery.ts and
// PublicBookingCreateMutation.ts (documents.test.ts checks that both stay the same).
import { gql, type TypedDocumentNode } from "@urql/core";
import type {
  BookingFormFieldsQuery,
  BookingFormFieldsQueryVariables,
  PublicBookingCreateMutation,
  PublicBookingCreateMutationVariables,
} from "../../../gql/graphql";

export const BookingFormFieldsDocument: TypedDocumentNode<BookingFormFieldsQuery, BookingFormFieldsQueryVariables> = gql`
  query BookingFormFields($accountSlug: String!) {
    bookingFormFields(accountSlug: $accountSlug) {
      id
      key
      label
      type
      options
      required
    }
  }
`;

export const PublicBookingCreateDocument: TypedDocumentNode<PublicBookingCreateMutation, PublicBookingCreateMutationVariables> = gql`
  mutation PublicBookingCreate($input: BookingCreateInput!) {
    bookingCreate(input: $input) {
      appointment {
        id
        startsAt
        endsAt
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;
