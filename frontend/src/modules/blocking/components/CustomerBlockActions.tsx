// "Block" (with a reason) or "Unblock" on the profile, for edit:blocked-customers only.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { ConfirmActions } from "../../../shared/components/ConfirmActions";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useCan } from "../../session/hooks/useSession";
import { CustomerBlockMutation } from "../graphql/CustomerBlockMutation";
import { CustomerUnblockMutation } from "../graphql/CustomerUnblockMutation";
import { FormActions } from "../../../shared/components/FormActions";

interface Props {
  customer: { id: string; displayName: string; isBlocked: boolean };
}

export function CustomerBlockActions({ customer }: Props) {
  const canBlock = useCan("EDIT_BLOCKED_CUSTOMERS");
  const [open, setOpen] = useState<"block" | "unblock" | null>(null);
  if (!canBlock) return null;
  return (
    <>
      {customer.isBlocked ? (
        <button type="button" className="button" onClick={() => setOpen("unblock")}>
          Unblock
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setOpen("block")}>
          Block
        </button>
      )}
      <BlockDialog open={open === "block"} customer={customer} onClose={() => setOpen(null)} />
      <UnblockDialog open={open === "unblock"} customer={customer} onClose={() => setOpen(null)} />
    </>
  );
}

function BlockDialog({ open, customer, onClose }: Props & { open: boolean; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, block] = useMutation(CustomerBlockMutation);
  const close = () => {
    setReason("");
    setErrors([]);
    setFailure(null);
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await block({ id: customer.id, reason: reason.trim() });
    const payload = result.data?.customerBlock;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    close();
  }

  return (
    <Dialog open={open} title={`Block ${customer.displayName || "this customer"}?`} onClose={close} size="narrow">
      <form className="form confirm" onSubmit={submit} noValidate>
        <p>
          Rules are created for the customer's email and phone numbers (their name when they have neither). They can
          no longer book online and see the business's message instead; staff can still book them.
        </p>
        <Field label="Reason" hint="Staff only; kept with the rules and in the history.">
          {(control) => (
            <textarea {...control} name="reason" rows={3} data-autofocus value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <UserErrorList errors={errors} title="The customer was not blocked:" />
        {failure && <ErrorState title="The customer could not be blocked." error={failure} />}
        <FormActions onCancel={close} busy={fetching} label="Block customer" busyLabel="Blocking…" danger />
      </form>
    </Dialog>
  );
}

function UnblockDialog({ open, customer, onClose }: Props & { open: boolean; onClose: () => void }) {
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, unblock] = useMutation(CustomerUnblockMutation);
  const close = () => {
    setErrors([]);
    setFailure(null);
    onClose();
  };

  async function confirm() {
    setFailure(null);
    const result = await unblock({ id: customer.id });
    const payload = result.data?.customerUnblock;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length) return setErrors(payload.userErrors);
    close();
  }

  return (
    <Dialog open={open} title={`Unblock ${customer.displayName || "this customer"}?`} onClose={close} size="narrow">
      <div className="confirm">
        <p>
          The rules matching the customer's own email, phones and name are removed. Rules for a whole email domain or
          IP network stay (they cover other people); remove those on the Block rules page.
        </p>
        <UserErrorList errors={errors} title="The customer was not unblocked:" />
        {failure && <ErrorState title="The customer could not be unblocked." error={failure} />}
        <ConfirmActions onCancel={close} onConfirm={confirm} busy={fetching} label="Unblock customer" busyLabel="Unblocking…" tone="primary" />
      </div>
    </Dialog>
  );
}
