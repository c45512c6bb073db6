// The frame of an add-or-edit form (see useEntityForm): a card titled "Add …" for a new entity,
// or an inline form with a hidden "Edit <name>" title; below the fields the other userErrors,
// the failure, the "added" announcement (new entities only) and Cancel / submit.
import type { FormEvent, ReactNode } from "react";
import { ErrorState } from "./States";
import { UserErrorList, type SimpleUserError } from "./UserErrorList";
import { FormActions } from "./FormActions";

interface Props {
  /** True when an existing entity is edited. */
  editing: boolean;
  titleId: string;
  title: string;
  /** The form's class when editing (a new entity's form is a card). */
  editClassName: string;
  onSubmit: (event: FormEvent) => void;
  /** userErrors not shown at a field, and the list's title. */
  otherErrors: readonly SimpleUserError[];
  errorsTitle: string;
  failure: Error | null;
  failureTitle: string;
  /** The polite announcement after adding (empty until then). */
  addedMessage: string | null;
  onCancel?: () => void;
  busy: boolean;
  submitLabel: string;
  children: ReactNode;
}

export function EntityFormFrame({
  editing,
  titleId,
  title,
  editClassName,
  onSubmit,
  otherErrors,
  errorsTitle,
  failure,
  failureTitle,
  addedMessage,
  onCancel,
  busy,
  submitLabel,
  children,
}: Props) {
  return (
    <form className={editing ? `form ${editClassName}` : "form card"} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className={editing ? "visually-hidden" : "card__title"}>
        {title}
      </h2>
      {children}
      <UserErrorList errors={otherErrors} title={errorsTitle} />
      {failure && <ErrorState title={failureTitle} error={failure} />}
      {!editing && (
        <p aria-live="polite" className="muted">
          {addedMessage}
        </p>
      )}
      <FormActions onCancel={onCancel} busy={busy} label={submitLabel} />
    </form>
  );
}
