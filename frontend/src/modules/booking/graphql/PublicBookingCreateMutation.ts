import { graphql } from "../../../gql";

/** For codegen (types); the booking page runs graphql/documents.ts, which must stay the same. */
export const PublicBookingCreateMutation = graphql(`
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
`);
