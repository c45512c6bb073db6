// The submit flow of the customer forms (add, edit): a customer needs a name (checked before any
// request), then the save; an error or no payload → `failure`; userErrors (or a payload that
// `saved` rejects) → at the fields the form shows, the rest above its buttons; the first invalid
// control gets focus. The event is the form's submit or a button's click (e.g. "Create anyway").
import { useRef, useState, type SyntheticEvent } from "react";
import { missingName } from "../utils/customerForm";
import { groupUserErrors, NO_ERRORS, type GroupedErrors, type UserError } from "../utils/userErrors";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";

interface Submit<P> {
  name: { firstName: string; lastName: string };
  /** The fields the form shows (their errors appear there). */
  shown: (field: string) => boolean;
  /** Sends the mutation, or resolves to null when there was nothing to send. */
  save: () => Promise<{ payload: P | null | undefined; error?: Error } | null>;
  /** Whether a payload without userErrors saved the customer (by default it did). */
  saved?: (payload: P) => boolean;
  onSaved: (payload: P) => void;
}

export function useCustomerFormSubmit() {
  const [errors, setErrors] = useState<GroupedErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<Error | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);

  async function submit<P extends { userErrors: readonly UserError[] }>(
    event: SyntheticEvent,
    { name, shown, save, saved = () => true, onSaved }: Submit<P>,
  ) {
    event.preventDefault();
    setFailure(null);
    const local = missingName(name);
    if (local.length) return setErrors(groupUserErrors(local, shown));
    const result = await save();
    if (!result) return;
    const { payload, error } = result;
    if (error || !payload) return setFailure(error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length > 0 || !saved(payload)) return setErrors(groupUserErrors(payload.userErrors, shown));
    setErrors(NO_ERRORS);
    onSaved(payload);
  }

  return { form, errors, failure, submit };
}
