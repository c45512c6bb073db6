// Settings → Custom fields (manage:settings): every definition, archived ones marked; add,
// edit, archive / restore, delete. Deleting a field that customers have values for archives
// it instead (the API decides); the page says which happened.
import { useState } from "react";
import { useMutation, useQuery } from "urql";
import type { CustomFieldDefinitionFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { CustomFieldDefinitionsQuery } from "../../customers/graphql/CustomFieldDefinitionsQuery";
import { CustomFieldDefinitionDeleteMutation } from "../graphql/CustomFieldDefinitionDeleteMutation";
import { CustomFieldDefinitionUpdateMutation } from "../graphql/CustomFieldDefinitionUpdateMutation";
import { typeLabel } from "../utils/definitionForm";
import { CustomFieldDefinitionForm } from "./CustomFieldDefinitionForm";

export function CustomFieldsPage() {
  const [result, reexecute] = useQuery({ query: CustomFieldDefinitionsQuery, variables: { includeArchived: true } });
  const [notice, setNotice] = useState<string | null>(null);
  const deleting = useConfirmedMutation(CustomFieldDefinitionDeleteMutation, {
    variables: (definition: CustomFieldDefinitionFieldsFragment) => ({ id: definition.id }),
    payload: (data) => data.customFieldDefinitionDelete,
    onDone: ({ archivedInstead }, { label }) =>
      setNotice(
        archivedInstead
          ? `${label} was archived instead of deleted: customers have values for it. The values are kept and shown on their profiles, but can no longer be set.`
          : `${label} was deleted.`,
      ),
  });
  const definitions = result.data?.customFieldDefinitions;

  return (
    <section className="page" aria-labelledby="custom-fields-title">
      <p className="page__eyebrow">Settings</p>
      <div className="page__header">
        <h1 id="custom-fields-title">Custom fields</h1>
      </div>
      <p className="page__intro">
        Extra fields on every customer profile: staff fill them in the edit form and can filter the customer list by them.
        A field that customers have values for cannot be deleted; it is archived instead and the values are kept.
      </p>
      <div aria-live="polite">
        {notice && (
          <div className="notice notice--success" role="status">
            <span>{notice}</span>
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      <section className="card" aria-labelledby="field-list-title">
        <h2 id="field-list-title" className="card__title">
          Fields {definitions && <span className="muted">({definitions.length})</span>}
        </h2>
        {!definitions ? (
          result.error ? (
            <ErrorState title="The custom fields could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
          ) : (
            <Loading label="Loading custom fields…" />
          )
        ) : definitions.length === 0 ? (
          <EmptyState title="No custom fields yet.">
            <p className="muted">Add one below.</p>
          </EmptyState>
        ) : (
          <ul className="admin-list" aria-label="Custom fields">
            {definitions.map((definition) => (
              <DefinitionItem
                key={definition.id}
                definition={definition}
                onDelete={() => deleting.ask(definition)}
                onRestored={() => setNotice(`${definition.label} was restored.`)}
              />
            ))}
          </ul>
        )}
      </section>
      <CustomFieldDefinitionForm />
      <ConfirmDialog
        confirmation={deleting}
        title="Delete custom field?"
        label="Delete field"
        busyLabel="Deleting…"
        errorsTitle="The field was not deleted:"
        failureTitle="The field could not be deleted."
      >
        <p>
          {deleting.pending?.label} will be deleted. If customers have values for it, it is archived instead: the values
          stay on their profiles, but can no longer be set.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function DefinitionItem({
  definition,
  onDelete,
  onRestored,
}: {
  definition: CustomFieldDefinitionFieldsFragment;
  onDelete: () => void;
  onRestored: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, update] = useMutation(CustomFieldDefinitionUpdateMutation);

  async function restore() {
    setFailure(null);
    const result = await update({ id: definition.id, input: { archived: false } });
    const payload = result.data?.customFieldDefinitionUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.userErrors.length === 0) onRestored();
  }

  const facts = [
    typeLabel(definition.type),
    definition.required ? "required" : null,
    definition.inBookingForm ? "in the booking form" : null,
  ].filter(Boolean);
  return (
    <li className={`admin-row definition${definition.archived ? " definition--archived" : ""}`}>
      <span className="admin-row__name">
        {definition.label} {definition.archived && <span className="badge badge--archived">Archived</span>}
      </span>
      <span className="admin-row__sub">
        <code>{definition.key}</code> · {facts.join(" · ")}
        {definition.type === "DROPDOWN" && definition.options.length > 0 && <> · options: {definition.options.join(", ")}</>}
      </span>
      <div className="admin-row__actions">
        {definition.archived ? (
          <button type="button" className="button button--small" disabled={fetching} onClick={restore} aria-label={`Restore ${definition.label}`}>
            {fetching ? "Restoring…" : "Restore"}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              aria-expanded={editing}
              onClick={() => setEditing((open) => !open)}
              aria-label={`Edit ${definition.label}`}
            >
              Edit
            </button>
            <button type="button" className="button button--small button--danger" onClick={onDelete} aria-label={`Delete ${definition.label}`}>
              Delete
            </button>
          </>
        )}
      </div>
      {(editing || errors.length > 0 || failure) && (
        <div className="definition__details">
          <UserErrorList errors={errors} title="The field was not restored:" />
          {failure && <ErrorState title="The field could not be changed." error={failure} />}
          {editing && (
            <CustomFieldDefinitionForm definition={definition} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
          )}
        </div>
      )}
    </li>
  );
}
