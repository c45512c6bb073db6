import { graphql } from "../../../gql";

/** For codegen (types); the booking page runs graphql/documents.ts, which must stay the same. */
export const BookingFormFieldsQuery = graphql(`
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
`);
