// Confirmation for deleting a customer, with the choice to keep the history anonymised.
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { CheckboxField } from "../../../shared/components/Field";
import { useConfirmedMutation, type Confirmation } from "../../../shared/hooks/useConfirmedMutation";
import { CustomerDeleteMutation } from "../graphql/CustomerDeleteMutation";
import type { UserError } from "../utils/userErrors";
import { FormErrorSummary } from "./UserErrorMessages";

/** The deletion's confirmation (it asks whether to keep the history anonymised); `onDeleted`
 * runs once the customer is gone. */
export function useDeleteCustomer(id: string, onDeleted: () => void) {
  return useConfirmedMutation(CustomerDeleteMutation, {
    variables: ({ keepHistory }: { keepHistory: boolean }) => ({ id, keepHistory }),
    payload: (data) => data.customerDelete,
    done: (payload) => Boolean(payload.deletedId),
    onDone: () => onDeleted(),
  });
}

const count = (n: number) => (n === 0 ? "no appointments yet" : n === 1 ? "1 appointment" : `${n} appointments`);

interface Props {
  deleting: Confirmation<{ keepHistory: boolean }, UserError>;
  customer: { displayName: string };
  appointmentCount: number;
}

export function DeleteCustomerDialog({ deleting, customer, appointmentCount }: Props) {
  const keepHistory = deleting.pending?.keepHistory ?? false;
  return (
    <ConfirmDialog
      confirmation={deleting}
      title="Delete customer?"
      label="Delete customer"
      busyLabel="Deleting…"
      failureTitle="The customer could not be deleted."
      renderErrors={(errors) => <FormErrorSummary errors={errors} />}
    >
      <p>
        This permanently deletes <strong>{customer.displayName || "this customer"}</strong>
        {keepHistory
          ? `. Their appointment history (${count(appointmentCount)}) and the messages sent about it are kept, without any personal data (no name, recipient, subject or message text).`
          : ` together with their appointment history (${count(appointmentCount)}) and all communications (emails and text messages) sent to them.`}
      </p>
      <p>Events in the connected calendars are not touched. This cannot be undone.</p>
      <CheckboxField
        label="Keep appointment history anonymised"
        checked={keepHistory}
        onChange={(checked) => deleting.ask({ keepHistory: checked })}
        name="keepHistory"
      />
    </ConfirmDialog>
  );
}
