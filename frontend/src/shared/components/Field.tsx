// A labelled form control with its inline error (aria-invalid + aria-describedby).
import { useId, type ReactNode } from "react";

export interface FieldProps {
  label: string;
  error?: ReactNode;
  hint?: string;
  className?: string;
  /** Marks the label (a visible asterisk) and the control (aria-required). */
  required?: boolean;
  children: (control: {
    id: string;
    "aria-invalid": boolean | undefined;
    "aria-describedby": string | undefined;
    "aria-required"?: boolean;
  }) => ReactNode;
}

export function Field({ label, error, hint, className, required, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="field__required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        ...(required ? { "aria-required": true } : {}),
      })}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label beside it, and an optional inline error. */
export function CheckboxField({
  label,
  checked,
  onChange,
  error,
  name,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: ReactNode;
  name?: string;
}) {
  const id = useId();
  return (
    <div className={`field field--checkbox${error ? " field--invalid" : ""}`}>
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
