import { graphql } from "../../../gql";

/** The account's custom fields (the edit form and filter panel: active ones; settings: all). */
export const CustomFieldDefinitionsQuery = graphql(`
  query CustomFieldDefinitions($includeArchived: Boolean! = false) {
    customFieldDefinitions(includeArchived: $includeArchived) {
      ...CustomFieldDefinitionFields
    }
  }
`);
