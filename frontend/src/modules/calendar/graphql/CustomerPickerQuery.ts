import { graphql } from "../../../gql";

/** Customers matching a search, for "Link to customer". */
export const CustomerPickerQuery = graphql(`
  query CustomerPicker($search: String!) {
    customers(first: 8, search: $search) {
      edges {
        node {
          id
          displayName
          email
          mobilePhone
        }
      }
    }
  }
`);
