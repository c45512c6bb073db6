import { graphql } from "../../../gql";

/** Live changes to one customer (edits in another tab, deletion). */
export const CustomerChangedSubscription = graphql(`
  subscription CustomerChanged($id: ID!) {
    customerChanged(id: $id) {
      kind
      customerId
      customer {
        ...CustomerDetailsFields
        ...CustomerListItemFields
      }
    }
  }
`);
