import { graphql } from "../../../gql";

export const CustomFieldDefinitionCreateMutation = graphql(`
  mutation CustomFieldDefinitionCreate($input: CustomFieldDefinitionCreateInput!) {
    customFieldDefinitionCreate(input: $input) {
      customFieldDefinition {
        ...CustomFieldDefinitionFields
      }
      userErrors {
        ...CustomerErrorFields
      }
    }
  }
`);
