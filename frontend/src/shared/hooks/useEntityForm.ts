// State and submit flow of the add-or-edit forms (a custom field, a calendar source): the form's
// values, userErrors, a failure without an answer, and the entity just added. One submit:
// local errors first, then the save; no payload → failure; userErrors (or no entity) → shown;
// otherwise the errors clear, an added entity is announced and the form emptied, and onDone runs.
import { useState, type FormEvent } from "react";
import type { SimpleUserError } from "../components/UserErrorList";

/** What a save returned: the mutation's payload, the entity in it, and urql's error. */
export interface SaveResult<E> {
  payload: { userErrors: SimpleUserError[] } | null | undefined;
  entity: E | null | undefined;
  error?: Error;
}

interface Options<V, E> {
  /** The entity being edited; a new one is added without it. */
  editing: E | undefined;
  initial: V | (() => V);
  /** The values after an entity was added. */
  empty: V;
  onDone?: (entity: E) => void;
}

export function useEntityForm<V, E>({ editing, initial, empty, onDone }: Options<V, E>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [added, setAdded] = useState<E | null>(null);

  /**
   * `validate` gives the errors found without asking the API (none: the save runs); `save` sends
   * the mutation, or resolves to null when it had nothing to send (and has finished itself).
   */
  async function submit(
    event: FormEvent,
    { validate, save }: { validate?: () => SimpleUserError[]; save: () => Promise<SaveResult<E> | null> },
  ) {
    event.preventDefault();
    setFailure(null);
    setAdded(null);
    const local = validate?.() ?? [];
    if (local.length) return setErrors(local);
    const result = await save();
    if (!result) return;
    const { payload, entity, error } = result;
    if (!payload) return setFailure(error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !entity) return setErrors(payload.userErrors);
    setErrors([]);
    if (!editing) {
      setAdded(entity);
      setValues(empty);
    }
    onDone?.(entity);
  }

  return { values, setValues, errors, failure, added, submit };
}
