import { graphql } from "../../../gql";

/** A page of a customer's messages, newest first (about appointments and written by staff). */
export const CustomerCommunicationsQuery = graphql(`
  query CustomerCommunications($id: ID!, $first: Int!, $after: String, $medium: Medium, $status: DeliveryStatus) {
    customer(id: $id) {
      id
      communications(first: $first, after: $after, medium: $medium, status: $status) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...CommunicationFields
            appointment {
              id
              startsAt
              title
              services
            }
          }
        }
      }
    }
  }
`);
