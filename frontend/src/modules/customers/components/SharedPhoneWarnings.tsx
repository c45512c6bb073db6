// The create-anyway choice: a phone another customer already has (families and colleagues share
// landlines) is a warning naming that customer, with a button that saves anyway.
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import type { CustomerWarningFieldsFragment } from "../../../gql/graphql";
import { profilePath } from "../paths";

const FIELD_LABELS: Record<string, string> = { mobilePhone: "Mobile phone", landlinePhone: "Landline phone" };

interface Props {
  warnings: readonly CustomerWarningFieldsFragment[];
  busy: boolean;
  /** What the button says ("Create anyway", "Save anyway"). */
  label: string;
  /** Saves again with allowSharedPhone. */
  onConfirm: (event: SyntheticEvent) => void;
}

export function SharedPhoneWarnings({ warnings, busy, label, onConfirm }: Props) {
  if (warnings.length === 0) return null;
  return (
    <div className="form-errors" role="alert" aria-label="Shared phone number">
      <p className="form-errors__title">Not saved yet:</p>
      <ul>
        {warnings.map((warning, index) => (
          <li key={index}>
            {warning.field && <span className="form-errors__field">{FIELD_LABELS[warning.field] ?? warning.field}: </span>}
            {warning.message} It belongs to{" "}
            <Link to={profilePath(warning.customer.id)}>{warning.customer.displayName}</Link>.
          </li>
        ))}
      </ul>
      <p>Families and colleagues may share a phone; save if this is another person.</p>
      <button type="button" className="button" disabled={busy} onClick={onConfirm}>
        {label}
      </button>
    </div>
  );
}
