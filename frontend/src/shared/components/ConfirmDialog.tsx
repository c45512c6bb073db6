// A confirmation dialog (delete, revoke, unblock) for a useConfirmedMutation: open while an item
// waits for confirmation; the explanation (children), then ConfirmActions.
import type { ReactNode } from "react";
import { ConfirmActions, type ConfirmActionsProps } from "./ConfirmActions";
import { Dialog } from "./Dialog";
import type { SimpleUserError } from "./UserErrorList";

type Props<E extends SimpleUserError> = ConfirmActionsProps<E> & {
  confirmation: { pending: unknown };
  title: string;
  children: ReactNode;
};

export function ConfirmDialog<E extends SimpleUserError>({ title, children, ...actions }: Props<E>) {
  return (
    <Dialog open={actions.confirmation.pending !== null} title={title} onClose={actions.confirmation.cancel} size="narrow">
      <div className="confirm">
        {children}
        <ConfirmActions {...actions} />
      </div>
    </Dialog>
  );
}
