// A confirmation that asks for a reason (block a customer, cancel or decline an appointment): a
// form on the pending item of a useConfirmedMutation; the explanation is the children.
import type { ReactNode } from "react";
import type { Confirmation } from "../hooks/useConfirmedMutation";
import { Dialog } from "./Dialog";
import { Field } from "./Field";
import { FormActions } from "./FormActions";
import { ErrorState } from "./States";
import { UserErrorList } from "./UserErrorList";

type Props<Item extends { reason: string }> = {
  confirmation: Confirmation<Item>;
  title: string;
  children: ReactNode;
  hint: string;
  label: string;
  busyLabel: string;
  errorsTitle: string;
  failureTitle: string;
  cancelLabel?: string;
};

export function ReasonConfirmDialog<Item extends { reason: string }>({
  confirmation,
  title,
  children,
  hint,
  label,
  busyLabel,
  errorsTitle,
  failureTitle,
  cancelLabel,
}: Props<Item>) {
  const pending = confirmation.pending;
  const reasonError = confirmation.errors.filter((e) => e.field === "reason").map((e) => e.message).join(" ");
  return (
    <Dialog open={pending !== null} title={title} onClose={confirmation.cancel} size="narrow">
      <form
        className="form confirm"
        onSubmit={(event) => {
          event.preventDefault();
          void confirmation.confirm();
        }}
        noValidate
      >
        {children}
        <Field label="Reason" hint={hint} error={reasonError || undefined}>
          {(control) => (
            <textarea
              {...control}
              name="reason"
              rows={3}
              data-autofocus
              value={pending?.reason ?? ""}
              onChange={(event) => pending && confirmation.ask({ ...pending, reason: event.target.value })}
            />
          )}
        </Field>
        <UserErrorList errors={confirmation.errors.filter((e) => e.field !== "reason")} title={errorsTitle} />
        {confirmation.failure && <ErrorState title={failureTitle} error={confirmation.failure} />}
        <FormActions onCancel={confirmation.cancel} cancelLabel={cancelLabel} busy={confirmation.busy} label={label} busyLabel={busyLabel} danger />
      </form>
    </Dialog>
  );
}
