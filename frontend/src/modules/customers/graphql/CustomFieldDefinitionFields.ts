import { graphql } from "../../../gql";

/** A custom field definition, as the settings page, the edit form and the filter panel use it. */
export const CustomFieldDefinitionFields = graphql(`
  fragment CustomFieldDefinitionFields on CustomFieldDefinition {
    id
    key
    label
    type
    options
    required
    inBookingForm
    archived
  }
`);
