// The two customers' differing fields (customerMergePreview), a choice of value per field (the
// API's default preselected), then "Merge…" with a confirmation that says what happens.
import { useState } from "react";
import { useQuery } from "urql";
import type { CustomerMergeTake, DuplicateCustomerFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { ErrorState, Loading } from "../../../shared/components/States";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { CustomerMergeMutation } from "../graphql/CustomerMergeMutation";
import { CustomerMergePreviewQuery } from "../graphql/CustomerMergePreviewQuery";
import { mergeFieldLabel, mergeValueText } from "../utils/reasons";
import { nameOf, type Merged } from "./DuplicateGroup";

interface Props {
  keep: DuplicateCustomerFieldsFragment;
  merge: DuplicateCustomerFieldsFragment;
  onCancel: () => void;
  onMerged: (merged: Merged) => void;
}

export function MergeComparison({ keep, merge, onCancel, onMerged }: Props) {
  const [result, reexecute] = useQuery({
    query: CustomerMergePreviewQuery,
    variables: { keepId: keep.id, mergeId: merge.id },
    requestPolicy: "network-only",
  });
  const [choices, setChoices] = useState<Record<string, CustomerMergeTake>>({});
  const merging = useConfirmedMutation(CustomerMergeMutation, {
    variables: (fieldChoices: { field: string; take: CustomerMergeTake }[]) => ({ keepId: keep.id, mergeId: merge.id, fieldChoices }),
    payload: (data) => data.customerMerge,
    done: (payload) => Boolean(payload.merge),
    onDone: (payload) =>
      onMerged({
        mergeId: payload.merge!.id,
        keptId: payload.customer?.id ?? keep.id,
        keptName: payload.customer?.displayName || nameOf(keep),
        mergedName: nameOf(merge),
      }),
  });
  const preview = result.data?.customerMergePreview;
  if (!preview) {
    return result.error ? (
      <ErrorState title="The comparison could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
    ) : result.fetching ? (
      <Loading label="Comparing…" />
    ) : (
      <p role="alert">One of the two customers no longer exists.</p>
    );
  }
  const take = (field: string, fallback: CustomerMergeTake) => choices[field] ?? fallback;
  const keepName = nameOf(keep);
  const mergeName = nameOf(merge);

  return (
    <section className="merge" aria-label={`Merge ${mergeName} into ${keepName}`}>
      <h3 className="merge__title">
        Keep {keepName}, merge {mergeName} into it
      </h3>
      {preview.fields.length === 0 ? (
        <p>Their details are the same; nothing to choose.</p>
      ) : (
        <>
          <p className="muted">Choose which value the kept profile takes for each detail that differs.</p>
          <div className="merge__fields">
            {preview.fields.map((field) => (
              <fieldset key={field.field} className="merge__field">
                <legend>{mergeFieldLabel(field.field)}</legend>
                {(["KEEP", "MERGE"] as const).map((side) => (
                  <label key={side} className="merge__choice">
                    <input
                      type="radio"
                      name={`${keep.id}-${merge.id}-${field.field}`}
                      checked={take(field.field, field.default) === side}
                      onChange={() => setChoices((current) => ({ ...current, [field.field]: side }))}
                    />{" "}
                    <span className="merge__value">{mergeValueText(side === "KEEP" ? field.keepValue : field.mergeValue)}</span>{" "}
                    <span className="muted">({side === "KEEP" ? keepName : mergeName})</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
        </>
      )}
      {preview.notKept.length > 0 && (
        <p className="notice">
          With the suggested choices there is no free slot for{" "}
          {preview.notKept.map((n) => `${mergeFieldLabel(n.field)} ${n.value}`).join(", ")}: it is kept in the merge record and named in the
          history.
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => merging.ask(preview.fields.map((f) => ({ field: f.field, take: take(f.field, f.default) })))}
        >
          Merge…
        </button>
      </div>
      <ConfirmDialog
        confirmation={merging}
        title={`Merge ${mergeName} into ${keepName}?`}
        label="Merge"
        busyLabel="Merging…"
        tone="primary"
        errorsTitle="Nothing was merged:"
        failureTitle="The customers could not be merged."
      >
        <p>
          {mergeName}&apos;s appointments, messages and history move to <strong>{keepName}</strong>, with the values you chose; then{" "}
          {mergeName}&apos;s profile is removed.
        </p>
        <p>You can undo the merge for 30 days (from the message after merging, or from {keepName}&apos;s history).</p>
      </ConfirmDialog>
    </section>
  );
}
