import { graphql } from "../../../gql";

/** A page of the profile's appointments, each with its messages. */
export const AppointmentPageFields = graphql(`
  fragment AppointmentPageFields on AppointmentConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
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
`);
