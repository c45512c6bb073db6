// A fieldset of radio buttons (one choice of a few), labelled by its legend; arrow keys move
// between the choices as in any radio group.
import { useId, type ReactNode } from "react";

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  legend: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
  /** Below the choices, e.g. fields that belong to one of them. */
  children?: ReactNode;
}

export function ChoiceGroup<V extends string>({ legend, choices, value, onChange, children }: Props<V>) {
  const name = useId();
  return (
    <fieldset className="form__group choice-group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div key={choice.value} className="field field--checkbox">
          <input
            id={`${name}-${choice.value}`}
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <label htmlFor={`${name}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
