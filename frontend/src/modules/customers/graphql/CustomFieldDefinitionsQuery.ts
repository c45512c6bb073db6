import { graphql } from "../../../gql";

/** The account's custom fields, for the edit form (asked only when editing). */
export const CustomFieldDefinitionsQuery = graphql(`
  query CustomFieldDefinitions {
    customFieldDefinitions {
      id
      key
      label
      type
      options
      required
      archived
    }
  }
`);
