import { graphql } from "../../../gql";

/** One page of a customer's upcoming or past appointments (the profile's "Show more"). */
export const CustomerAppointmentsPageQuery = graphql(`
  query CustomerAppointmentsPage($id: ID!, $when: AppointmentWhen!, $direction: SortDirection!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      appointments(first: $first, after: $after, when: $when, direction: $direction) {
        ...AppointmentPageFields
      }
    }
  }
`);
