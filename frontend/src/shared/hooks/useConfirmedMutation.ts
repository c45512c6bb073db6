// Confirm, then mutate: the flow of every confirmation dialog (delete, revoke, block, unblock).
// `ask(item)` opens it for an item (asking again while it is open changes the item, e.g. a
// reason typed into the dialog); `cancel()` closes it and forgets errors; `confirm()` sends the
// mutation. No payload → `failure` (urql's error); userErrors (or a payload that `done` rejects)
// → `errors`, the dialog stays; otherwise it closes and `onDone` runs. `busy` while it is sent.
import { useState } from "react";
import { useMutation, type AnyVariables, type DocumentInput } from "urql";

export interface Confirmation<Item, E = { field: string | null; message: string; code: string }> {
  /** The item waiting for confirmation; null while the dialog is closed. */
  pending: Item | null;
  ask: (item: Item) => void;
  cancel: () => void;
  confirm: () => Promise<void>;
  /** The API's userErrors of the last attempt. */
  errors: readonly E[];
  /** The last attempt got no answer. */
  failure: Error | null;
  busy: boolean;
}

interface Options<Item, Data, Variables, Payload> {
  variables: (item: Item) => Variables;
  /** The mutation's payload in its answer. */
  payload: (data: Data) => Payload | null | undefined;
  /** Whether a payload without userErrors did the job (by default it did). */
  done?: (payload: Payload) => boolean;
  /** After the dialog closed on success. */
  onDone?: (payload: Payload, item: Item) => void;
}

export function useConfirmedMutation<
  Item,
  Data,
  Variables extends AnyVariables,
  Payload extends { userErrors: readonly object[] },
>(
  document: DocumentInput<Data, Variables>,
  { variables, payload: payloadOf, done = () => true, onDone }: Options<Item, Data, Variables, Payload>,
): Confirmation<Item, Payload["userErrors"][number]> {
  type E = Payload["userErrors"][number];
  const [pending, setPending] = useState<Item | null>(null);
  const [errors, setErrors] = useState<readonly E[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, mutate] = useMutation(document);

  const cancel = () => {
    setErrors([]);
    setFailure(null);
    setPending(null);
  };

  async function confirm() {
    if (pending === null) return;
    const item = pending;
    setFailure(null);
    const result = await mutate(variables(item));
    const payload = result.data ? payloadOf(result.data) : null;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !done(payload)) return setErrors(payload.userErrors);
    cancel();
    onDone?.(payload, item);
  }

  return { pending, ask: (item) => setPending(() => item), cancel, confirm, errors, failure, busy: fetching };
}
