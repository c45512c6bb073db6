// userErrors of the account and blocking mutations, as one alert above a form's buttons.
export interface SimpleUserError {
  field: string | null;
  message: string;
  code: string;
}

export function UserErrorList({ errors, title }: { errors: readonly SimpleUserError[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {title && <p className="form-errors__title">{title}</p>}
      <ul>
        {errors.map((error, index) => (
          <li key={index} data-code={error.code}>
            {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The errors for one input field, as inline text, or undefined. */
export function fieldError(errors: readonly SimpleUserError[], field: string): string | undefined {
  const own = errors.filter((error) => error.field === field);
  return own.length ? own.map((error) => error.message).join(" ") : undefined;
}

/** The errors not tied to one of the form's fields. */
export function otherErrors(errors: readonly SimpleUserError[], fields: readonly string[]): SimpleUserError[] {
  return errors.filter((error) => !error.field || !fields.includes(error.field));
}
