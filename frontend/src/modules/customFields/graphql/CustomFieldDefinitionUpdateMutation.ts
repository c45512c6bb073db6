import { graphql } from "../../../gql";

export const CustomFieldDefinitionUpdateMutation = graphql(`
  mutation CustomFieldDefinitionUpdate($id: ID!, $input: CustomFieldDefinitionUpdateInput!) {
    customFieldDefinitionUpdate(id: $id, input: $input) {
      customFieldDefinition {
        ...CustomFieldDefinitionFields
      }
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
