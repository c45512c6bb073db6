// The custom field form's values <-> API inputs. Options are typed one per line.
import type {
  CustomFieldDefinitionCreateInput,
  CustomFieldDefinitionFieldsFragment,
  CustomFieldDefinitionUpdateInput,
  CustomFieldType,
} from "../../../gql/graphql";

export const FIELD_TYPES: { value: CustomFieldType; label: string }[] = [
  { value: "TEXT", label: "Text" },
  { value: "DROPDOWN", label: "Dropdown" },
  { value: "DATE", label: "Date" },
  { value: "CHECKBOX", label: "Checkbox" },
  { value: "NUMBER", label: "Number" },
];

export function typeLabel(type: CustomFieldType): string {
  return FIELD_TYPES.find((option) => option.value === type)?.label ?? type;
}

/** The fields of the form, as the API names them in userErrors. */
export const DEFINITION_FIELDS = ["key", "label", "type", "options", "required", "inBookingForm"];

export interface DefinitionFormValues {
  label: string;
  key: string;
  /** The key was typed by hand (it no longer follows the label). */
  keyEdited: boolean;
  type: CustomFieldType;
  options: string;
  required: boolean;
  inBookingForm: boolean;
}

export const EMPTY_DEFINITION: DefinitionFormValues = {
  label: "",
  key: "",
  keyEdited: false,
  type: "TEXT",
  options: "",
  required: false,
  inBookingForm: false,
};

export function valuesFromDefinition(definition: CustomFieldDefinitionFieldsFragment): DefinitionFormValues {
  return {
    label: definition.label,
    key: definition.key,
    keyEdited: true,
    type: definition.type,
    options: definition.options.join("\n"),
    required: definition.required,
    inBookingForm: definition.inBookingForm,
  };
}

/** A key the API accepts, made from a label: "Member since" → "member_since". */
export function keyFromLabel(label: string): string {
  const plain = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const key = /^[a-z]/.test(plain) ? plain : plain ? `field_${plain}` : "";
  return key.slice(0, 64).replace(/_+$/, "");
}

/** One option per line; blank lines and repeats dropped. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const option = line.trim();
    if (option) seen.add(option);
  }
  return [...seen];
}

export function buildCreateInput(values: DefinitionFormValues): CustomFieldDefinitionCreateInput {
  return {
    key: values.key.trim(),
    label: values.label.trim(),
    type: values.type,
    options: values.type === "DROPDOWN" ? parseOptions(values.options) : [],
    required: values.required,
    inBookingForm: values.inBookingForm,
  };
}

/** Only what changed (the key and type never change). */
export function buildUpdateInput(
  definition: CustomFieldDefinitionFieldsFragment,
  values: DefinitionFormValues,
): CustomFieldDefinitionUpdateInput {
  const input: CustomFieldDefinitionUpdateInput = {};
  if (values.label.trim() !== definition.label) input.label = values.label.trim();
  if (definition.type === "DROPDOWN") {
    const options = parseOptions(values.options);
    if (options.join("\n") !== definition.options.join("\n")) input.options = options;
  }
  if (values.required !== definition.required) input.required = values.required;
  if (values.inBookingForm !== definition.inBookingForm) input.inBookingForm = values.inBookingForm;
  return input;
}
