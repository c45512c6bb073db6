// The custom fields of the edit form: every active definition (with or without a value), then
// values of archived fields (read only).
import type { CustomerDetailsFieldsFragment, CustomFieldDefinitionFieldsFragment, CustomFieldType } from "../../../gql/graphql";

export interface EditableCustomField {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
  /** Read only: the definition is archived (the value is kept, no new value can be set). */
  archived: boolean;
  value: unknown;
}

export function editableCustomFields(
  definitions: readonly CustomFieldDefinitionFieldsFragment[] | undefined,
  values: CustomerDetailsFieldsFragment["customFields"],
): EditableCustomField[] {
  const byKey = new Map(values.map((value) => [value.key, value]));
  if (!definitions) {
    // Definitions not loaded (yet): at least the values the customer has.
    return values.map((value) => ({ ...value, options: [], required: false }));
  }
  const active = definitions
    .filter((definition) => !definition.archived)
    .map((definition) => ({
      key: definition.key,
      label: definition.label,
      type: definition.type,
      options: definition.options,
      required: definition.required,
      archived: false,
      value: byKey.get(definition.key)?.value ?? null,
    }));
  const activeKeys = new Set(active.map((field) => field.key));
  const rest = values
    .filter((value) => !activeKeys.has(value.key))
    .map((value) => ({ ...value, options: [], required: false, archived: true }));
  return [...active, ...rest];
}
