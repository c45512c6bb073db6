// "Block" (with a reason) or "Unblock" on the profile, for edit:blocked-customers only.
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { ReasonConfirmDialog } from "../../../shared/components/ReasonConfirmDialog";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
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
      {/* blocking asks for a reason, so its confirmation is a form */}
      <ReasonConfirmDialog
        confirmation={block}
        title={`Block ${name}?`}
        hint="Staff only; kept with the rules and in the history."
        label="Block customer"
        busyLabel="Blocking…"
        errorsTitle="The customer was not blocked:"
        failureTitle="The customer could not be blocked."
      >
        <p>
          Rules are created for the customer's email and phone numbers (their name when they have neither). They can
          no longer book online and see the business's message instead; staff can still book them.
        </p>
      </ReasonConfirmDialog>
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
