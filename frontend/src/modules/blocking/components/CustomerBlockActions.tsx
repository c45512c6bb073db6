// "Block" (with a reason) or "Unblock" on the profile, for edit:blocked-customers only.
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList } from "../../../shared/components/UserErrorList";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { FormActions } from "../../../shared/components/FormActions";
import { useConfirmedMutation, type Confirmation } from "../../../shared/hooks/useConfirmedMutation";
import { useCan } from "../../session/hooks/useSession";
import { CustomerBlockMutation } from "../graphql/CustomerBlockMutation";
import { CustomerUnblockMutation } from "../graphql/CustomerUnblockMutation";

interface Customer {
  id: string;
  displayName: string;
  isBlocked: boolean;
}

export function CustomerBlockActions({ customer }: { customer: Customer }) {
  const canBlock = useCan("EDIT_BLOCKED_CUSTOMERS");
  const block = useConfirmedMutation(CustomerBlockMutation, {
    variables: ({ reason }: { reason: string }) => ({ id: customer.id, reason: reason.trim() }),
    payload: (data) => data.customerBlock,
  });
  const unblock = useConfirmedMutation(CustomerUnblockMutation, {
    variables: ({ id }: Customer) => ({ id }),
    payload: (data) => data.customerUnblock,
  });
  if (!canBlock) return null;
  const name = customer.displayName || "this customer";
  return (
    <>
      {customer.isBlocked ? (
        <button type="button" className="button" onClick={() => unblock.ask(customer)}>
          Unblock
        </button>
      ) : (
        <button type="button" className="button" onClick={() => block.ask({ reason: "" })}>
          Block
        </button>
      )}
      <BlockDialog name={name} block={block} />
      <ConfirmDialog
        confirmation={unblock}
        title={`Unblock ${name}?`}
        label="Unblock customer"
        busyLabel="Unblocking…"
        tone="primary"
        errorsTitle="The customer was not unblocked:"
        failureTitle="The customer could not be unblocked."
      >
        <p>
          The rules matching the customer's own email, phones and name are removed. Rules for a whole email domain or IP
          network stay (they cover other people); remove those on the Block rules page.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Blocking asks for a reason, so its confirmation is a form. */
function BlockDialog({ name, block }: { name: string; block: Confirmation<{ reason: string }> }) {
  return (
    <Dialog open={block.pending !== null} title={`Block ${name}?`} onClose={block.cancel} size="narrow">
      <form
        className="form confirm"
        onSubmit={(event) => {
          event.preventDefault();
          void block.confirm();
        }}
        noValidate
      >
        <p>
          Rules are created for the customer's email and phone numbers (their name when they have neither). They can
          no longer book online and see the business's message instead; staff can still book them.
        </p>
        <Field label="Reason" hint="Staff only; kept with the rules and in the history.">
          {(control) => (
            <textarea
              {...control}
              name="reason"
              rows={3}
              data-autofocus
              value={block.pending?.reason ?? ""}
              onChange={(e) => block.ask({ reason: e.target.value })}
            />
          )}
        </Field>
        <UserErrorList errors={block.errors} title="The customer was not blocked:" />
        {block.failure && <ErrorState title="The customer could not be blocked." error={block.failure} />}
        <FormActions onCancel={block.cancel} busy={block.busy} label="Block customer" busyLabel="Blocking…" danger />
      </form>
    </Dialog>
  );
}
