// The foot of every confirmation dialog (see useConfirmedMutation): the API's refusal
// (userErrors), a failure without an answer, then Cancel (focused when the dialog opens) and the
// action, which says `busyLabel` and is disabled while its request runs.
import type { ReactNode } from "react";
import type { Confirmation } from "../hooks/useConfirmedMutation";
import { ErrorState } from "./States";
import { UserErrorList, type SimpleUserError } from "./UserErrorList";

export interface ConfirmActionsProps<E extends SimpleUserError> {
  confirmation: Pick<Confirmation<unknown, E>, "cancel" | "confirm" | "busy" | "errors" | "failure">;
  label: string;
  busyLabel: string;
  /** The action's look: danger (delete, revoke) unless it is harmless. */
  tone?: "danger" | "primary";
  /** The title above the userErrors, e.g. "The rule was not deleted:". */
  errorsTitle?: string;
  /** The title of a failure, e.g. "The rule could not be deleted.". */
  failureTitle: string;
  /** Shows the userErrors another way than as a plain list. */
  renderErrors?: (errors: readonly E[]) => ReactNode;
}

export function ConfirmActions<E extends SimpleUserError>({
  confirmation: { cancel, confirm, busy, errors, failure },
  label,
  busyLabel,
  tone = "danger",
  errorsTitle,
  failureTitle,
  renderErrors,
}: ConfirmActionsProps<E>) {
  return (
    <>
      {renderErrors ? renderErrors(errors) : <UserErrorList errors={errors} title={errorsTitle} />}
      {failure && <ErrorState title={failureTitle} error={failure} />}
      <div className="form__actions">
        <button type="button" className="button" onClick={cancel} data-autofocus>
          Cancel
        </button>
        <button type="button" className={`button button--${tone}`} disabled={busy} onClick={confirm}>
          {busy ? busyLabel : label}
        </button>
      </div>
    </>
  );
}
