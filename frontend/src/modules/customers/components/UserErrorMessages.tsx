// The messages of userErrors, with a link to the other customer for DUPLICATE.
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { GroupedErrors, UserError } from "../utils/userErrors";
import { profilePath } from "../paths";

export function UserErrorMessages({ errors }: { errors: readonly UserError[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <>
      {errors.map((error, index) => (
        <span key={index} className="user-error">
          {error.message}
          {error.code === "DUPLICATE" && error.existingCustomerId && (
            <>
              {" "}
              <Link to={profilePath(error.existingCustomerId)}>Open the existing customer</Link>
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** Errors not tied to a control of the form, above its buttons. */
export function FormErrorSummary({ errors }: { errors: readonly UserError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      <p className="form-errors__title">The customer was not saved:</p>
      <ul>
        {errors.map((error, index) => (
          <li key={index}>
            {error.field && <span className="form-errors__field">{error.field}: </span>}
            <UserErrorMessages errors={[error]} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The errors at one control of a form, for its Field (undefined: none). */
export function errorsAt(errors: GroupedErrors, field: string): ReactNode {
  return errors.byField[field] ? <UserErrorMessages errors={errors.byField[field]} /> : undefined;
}
