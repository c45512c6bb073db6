// One custom field in the edit form, with the control its type needs: text, a select of the
// dropdown's options, a date, a number or a checkbox. Required ones are marked.
import type { ReactNode } from "react";
import { CheckboxField, Field } from "../../../shared/components/Field";
import type { EditableCustomField } from "../utils/customFields";

interface Props {
  field: EditableCustomField;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  error?: ReactNode;
}

export function CustomFieldControl({ field, value, onChange, error }: Props) {
  const name = `customFields.${field.key}`;
  if (field.type === "CHECKBOX") {
    return (
      <CheckboxField
        label={field.required ? `${field.label} (required)` : field.label}
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
            <option value="">{field.required ? "Choose…" : "Not set"}</option>
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
