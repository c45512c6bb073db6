// Confirmation for deleting a customer, with the choice to keep the history anonymised.
import { useState } from "react";
import { useMutation, type CombinedError } from "urql";
import { ConfirmActions } from "../../../shared/components/ConfirmActions";
import { Dialog } from "../../../shared/components/Dialog";
import { CheckboxField } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { CustomerDeleteMutation } from "../graphql/CustomerDeleteMutation";
import type { UserError } from "../utils/userErrors";
import { FormErrorSummary } from "./UserErrorMessages";

interface Props {
  open: boolean;
  customer: { id: string; displayName: string };
  appointmentCount: number;
  onClose: () => void;
  onDeleted: (keepHistory: boolean) => void;
}

const count = (n: number) => (n === 0 ? "no appointments yet" : n === 1 ? "1 appointment" : `${n} appointments`);

export function DeleteCustomerDialog({ open, customer, appointmentCount, onClose, onDeleted }: Props) {
  return (
    <Dialog open={open} title="Delete customer?" onClose={onClose} size="narrow">
      <DeleteConfirmation customer={customer} appointmentCount={appointmentCount} onCancel={onClose} onDeleted={onDeleted} />
    </Dialog>
  );
}

function DeleteConfirmation({
  customer,
  appointmentCount,
  onCancel,
  onDeleted,
}: Omit<Props, "open" | "onClose"> & { onCancel: () => void }) {
  const [keepHistory, setKeepHistory] = useState(false);
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const [failure, setFailure] = useState<CombinedError | Error | null>(null);
  const [{ fetching }, remove] = useMutation(CustomerDeleteMutation);
  const name = customer.displayName || "this customer";

  async function confirm() {
    setFailure(null);
    const result = await remove({ id: customer.id, keepHistory });
    const payload = result.data?.customerDelete;
    if (result.error || !payload) {
      setFailure(result.error ?? new Error("The server sent no answer."));
    } else if (payload.userErrors.length > 0 || !payload.deletedId) {
      setErrors(payload.userErrors);
    } else {
      onDeleted(keepHistory);
    }
  }

  return (
    <div className="confirm">
      <p>
        This permanently deletes <strong>{name}</strong>
        {keepHistory
          ? `. Their appointment history (${count(appointmentCount)}) and the messages sent about it are kept, without any personal data (no name, recipient, subject or message text).`
          : ` together with their appointment history (${count(appointmentCount)}) and all communications (emails and text messages) sent to them.`}
      </p>
      <p>Events in the connected calendars are not touched. This cannot be undone.</p>
      <CheckboxField label="Keep appointment history anonymised" checked={keepHistory} onChange={setKeepHistory} name="keepHistory" />
      <FormErrorSummary errors={errors} />
      {failure && <ErrorState title="The customer could not be deleted." error={failure} />}
      <ConfirmActions onCancel={onCancel} onConfirm={confirm} busy={fetching} label="Delete customer" busyLabel="Deleting…" />
    </div>
  );
}
