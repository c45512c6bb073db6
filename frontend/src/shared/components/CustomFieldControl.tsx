// One custom field with the control its type needs: text, a select of the dropdown's options,
// a date, a number or a checkbox; required ones are marked. The staff's add and edit forms and
// the public booking page use it (it imports nothing but the shared Field).
import type { ReactNode } from "react";
import type { CustomFieldType } from "../../gql/graphql";
import { CheckboxField, Field } from "./Field";

export interface CustomFieldShape {
  key: string;
  label: string;
  type: CustomFieldType;
  options: readonly string[];
  required: boolean;
}

interface Props {
  field: CustomFieldShape;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  error?: ReactNode;
  /** The empty choice of an optional dropdown. */
  emptyChoice?: string;
  /** A required checkbox's label. */
  requiredLabel?: (label: string) => string;
}

export function CustomFieldControl({
  field,
  value,
  onChange,
  error,
  emptyChoice = "Not set",
  requiredLabel = (label) => `${label} (required)`,
}: Props) {
  const name = `customFields.${field.key}`;
  if (field.type === "CHECKBOX") {
    return (
      <CheckboxField
        label={field.required ? requiredLabel(field.label) : field.label}
        name={name}
        checked={value === true}
        error={error}
        onChange={onChange}
      />
    );
  }
  const text = typeof value === "string" ? value : "";
  return (
    <Field label={field.label} error={error} required={field.required}>
      {(control) =>
        field.type === "DROPDOWN" ? (
          <select {...control} name={name} value={text} onChange={(event) => onChange(event.target.value)}>
            <option value="">{field.required ? "Choose…" : emptyChoice}</option>
            {text && !field.options.includes(text) && <option value={text}>{text}</option>}
            {field.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...control}
            name={name}
            type={field.type === "DATE" ? "date" : field.type === "NUMBER" ? "number" : "text"}
            step={field.type === "NUMBER" ? "any" : undefined}
            inputMode={field.type === "NUMBER" ? "decimal" : undefined}
            autoComplete="off"
            maxLength={field.type === "TEXT" ? 1000 : undefined}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
