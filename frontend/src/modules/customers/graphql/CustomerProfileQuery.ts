import { graphql } from "../../../gql";

/** The whole profile in one round trip: details, blocking, history, appointments and their messages. */
export const CustomerProfileQuery = graphql(`
  query CustomerProfile($id: ID!) {
    customer(id: $id) {
      ...CustomerDetailsFields
      ...CustomerBlockingFields
      ...CustomerHistoryFields
      appointments(first: 100) {
        totalCount
        edges {
          node {
            ...AppointmentFields
            communications(first: 50) {
              totalCount
              edges {
                node {
                  ...CommunicationFields
                }
              }
            }
          }
        }
      }
    }
  }
`);
