// "Erase personal data" (delete:customers): a confirmation that says exactly what happens, then
// customerErase. Upcoming appointments refuse it: the dialog says so and offers "Erase anyway"
// (force). Block rules naming the person refuse it too: the dialog explains why and what to do.
import { useState } from "react";
import { useMutation } from "urql";
import type { CustomerErrorFieldsFragment } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { ErrorState } from "../../../shared/components/States";
import { CustomerEraseMutation } from "../graphql/CustomerEraseMutation";

interface Props {
  open: boolean;
  customer: { id: string; displayName: string; isBlocked: boolean };
  onClose: () => void;
  onErased: () => void;
}

export function EraseCustomerDialog({ open, customer, onClose, onErased }: Props) {
  const [{ fetching }, erase] = useMutation(CustomerEraseMutation);
  const [errors, setErrors] = useState<readonly CustomerErrorFieldsFragment[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const name = customer.displayName || "this customer";
  const upcoming = errors.find((e) => e.code === "UPCOMING_APPOINTMENTS");
  const others = errors.filter((e) => e.code !== "UPCOMING_APPOINTMENTS");

  const close = () => {
    setErrors([]);
    setFailure(null);
    onClose();
  };

  async function confirm(force: boolean) {
    setFailure(null);
    const result = await erase({ id: customer.id, force });
    const payload = result.data?.customerErase;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.erased) return setErrors(payload.userErrors);
    setErrors([]);
    onErased();
  }

  return (
    <Dialog open={open} title={`Erase ${name}'s personal data?`} onClose={close} size="narrow">
      <div className="confirm">
        <p>At {name}&apos;s request, this removes everything that identifies them:</p>
        <ul>
          <li>the profile: name, email, phones, address, notes and custom fields;</li>
          <li>the text of their messages: recipients, subjects and message bodies;</li>
          <li>the values in their history (who changed what and when stays, the values read “erased”);</li>
          <li>their rows in imports and their blocked booking attempts.</li>
        </ul>
        <p>
          Their appointments are kept, anonymised (time, duration, services, status), for your figures. The person cannot be created again by
          calendar sync or an import; only booking again brings them back.
        </p>
        <p>
          <strong>This cannot be undone.</strong>
        </p>
        {upcoming && (
          <div className="form-errors" role="alert">
            <p className="form-errors__title">{name} has upcoming appointments.</p>
            <p>
              {upcoming.message} If you erase anyway, those appointments stay booked without the person&apos;s details, and no reminders reach
              them.
            </p>
          </div>
        )}
        {others.length > 0 && (
          <div className="form-errors" role="alert">
            <p className="form-errors__title">Nothing was erased.</p>
            {others.map((error) => (
              <p key={`${error.code}-${error.message}`}>{error.message}</p>
            ))}
            {customer.isBlocked && (
              <p>
                A block rule is your business&apos;s own safety decision and holds their email, phone or name in clear text. Use “Unblock” on the
                profile first, then erase; after that they can book online again.
              </p>
            )}
          </div>
        )}
        {failure && <ErrorState title="The personal data could not be erased." error={failure} />}
        <div className="form__actions">
          <button type="button" className="button" onClick={close} data-autofocus>
            Cancel
          </button>
          {upcoming ? (
            <button type="button" className="button button--danger" disabled={fetching} onClick={() => confirm(true)}>
              {fetching ? "Erasing…" : "Erase anyway"}
            </button>
          ) : (
            <button type="button" className="button button--danger" disabled={fetching} onClick={() => confirm(false)}>
              {fetching ? "Erasing…" : "Erase personal data"}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
