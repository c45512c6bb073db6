// A fieldset of permission checkboxes (roles, API tokens), limited to `available`.
import type { Permission } from "../../gql/graphql";
import { PERMISSIONS } from "../format/permissions";
import { CheckboxField } from "./Field";

interface Props {
  legend: string;
  selected: readonly Permission[];
  onChange: (selected: Permission[]) => void;
  /** Which permissions may be chosen; all by default. */
  available?: readonly Permission[];
  error?: string;
}

export function PermissionChecklist({ legend, selected, onChange, available, error }: Props) {
  const choices = PERMISSIONS.filter((entry) => !available || available.includes(entry.value));
  return (
    <fieldset className="form__group permission-list">
      <legend>{legend}</legend>
      {choices.map((entry) => (
        <CheckboxField
          key={entry.value}
          name={`permission.${entry.value}`}
          label={`${entry.label} (${entry.scope})`}
          checked={selected.includes(entry.value)}
          onChange={(checked) =>
            onChange(
              checked
                ? PERMISSIONS.map((p) => p.value).filter((p) => p === entry.value || selected.includes(p))
                : selected.filter((p) => p !== entry.value),
            )
          }
        />
      ))}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
