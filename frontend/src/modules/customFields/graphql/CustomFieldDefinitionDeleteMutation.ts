import { graphql } from "../../../gql";

/** Deletes an unused field; one with stored values comes back archived (`archivedInstead`). */
export const CustomFieldDefinitionDeleteMutation = graphql(`
  mutation CustomFieldDefinitionDelete($id: ID!) {
    customFieldDefinitionDelete(id: $id) {
      customFieldDefinition {
        ...CustomFieldDefinitionFields
      }
      archivedInstead
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
