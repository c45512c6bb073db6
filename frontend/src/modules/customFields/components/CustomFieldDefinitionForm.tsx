// Add a custom field, or edit one: label, options (dropdowns), required, shown in the booking
// form. The key and type are chosen once (the API never changes them). userErrors appear at
// their field, anything else above the buttons.
import type { FormEvent } from "react";
import { useMutation } from "urql";
import type { CustomFieldDefinitionFieldsFragment, CustomFieldType } from "../../../gql/graphql";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { EntityFormFrame } from "../../../shared/components/EntityFormFrame";
import { fieldError, otherErrors } from "../../../shared/components/UserErrorList";
import { useEntityForm } from "../../../shared/hooks/useEntityForm";
import { CustomFieldDefinitionCreateMutation } from "../graphql/CustomFieldDefinitionCreateMutation";
import { CustomFieldDefinitionUpdateMutation } from "../graphql/CustomFieldDefinitionUpdateMutation";
import {
  buildCreateInput,
  buildUpdateInput,
  DEFINITION_FIELDS,
  EMPTY_DEFINITION,
  FIELD_TYPES,
  keyFromLabel,
  typeLabel,
  valuesFromDefinition,
  type DefinitionFormValues,
} from "../utils/definitionForm";

interface Props {
  /** The field to edit; a new one without it. */
  definition?: CustomFieldDefinitionFieldsFragment;
  onDone?: (definition: CustomFieldDefinitionFieldsFragment) => void;
  onCancel?: () => void;
}

export function CustomFieldDefinitionForm({ definition, onDone, onCancel }: Props) {
  const { values, setValues, errors, failure, added, submit } = useEntityForm({
    editing: definition,
    initial: (): DefinitionFormValues => (definition ? valuesFromDefinition(definition) : EMPTY_DEFINITION),
    empty: EMPTY_DEFINITION,
    onDone,
  });
  const [created, create] = useMutation(CustomFieldDefinitionCreateMutation);
  const [updated, update] = useMutation(CustomFieldDefinitionUpdateMutation);
  const fetching = created.fetching || updated.fetching;
  const type = definition?.type ?? values.type;

  const onSubmit = (event: FormEvent) =>
    submit(event, {
      validate: () => (values.label.trim() ? [] : [{ field: "label", message: "A label is required.", code: "REQUIRED" }]),
      async save() {
        if (definition) {
          const input = buildUpdateInput(definition, values);
          if (Object.keys(input).length === 0) {
            onDone?.(definition);
            return null;
          }
          const result = await update({ id: definition.id, input });
          const payload = result.data?.customFieldDefinitionUpdate;
          return { payload, entity: payload?.customFieldDefinition, error: result.error };
        }
        const result = await create({ input: buildCreateInput(values) });
        const payload = result.data?.customFieldDefinitionCreate;
        return { payload, entity: payload?.customFieldDefinition, error: result.error };
      },
    });

  return (
    <EntityFormFrame
      editing={Boolean(definition)}
      titleId={definition ? `edit-field-${definition.id}` : "add-field-title"}
      title={definition ? `Edit ${definition.label}` : "Add a custom field"}
      editClassName="definition-form"
      onSubmit={onSubmit}
      otherErrors={otherErrors(errors, DEFINITION_FIELDS)}
      errorsTitle={definition ? "The field was not changed:" : "The field was not added:"}
      failure={failure}
      failureTitle={definition ? "The field could not be saved." : "The field could not be added."}
      addedMessage={added && `Custom field added: ${added.label}.`}
      onCancel={onCancel}
      busy={fetching}
      submitLabel={definition ? "Save field" : "Add field"}
    >
      <div className="form__row">
        <Field label="Label" error={fieldError(errors, "label")}>
          {(control) => (
            <input
              {...control}
              name="label"
              autoComplete="off"
              maxLength={200}
              value={values.label}
              onChange={(event) => {
                const label = event.target.value;
                setValues((current) => ({
                  ...current,
                  label,
                  key: definition || current.keyEdited ? current.key : keyFromLabel(label),
                }));
              }}
            />
          )}
        </Field>
        {definition ? (
          <p className="field field--readonly">
            <span className="field__label">Key and type</span>
            <span>
              <code>{definition.key}</code> · {typeLabel(definition.type)}{" "}
              <span className="muted">(cannot change)</span>
            </span>
          </p>
        ) : (
          <>
            <Field label="Key" hint="a-z, 0-9 and _, starting with a letter; used by the API. Cannot change later." error={fieldError(errors, "key")}>
              {(control) => (
                <input
                  {...control}
                  name="key"
                  autoComplete="off"
                  maxLength={64}
                  value={values.key}
                  onChange={(event) => setValues((current) => ({ ...current, key: event.target.value, keyEdited: true }))}
                />
              )}
            </Field>
            <Field label="Type" hint="Cannot change later." error={fieldError(errors, "type")}>
              {(control) => (
                <select
                  {...control}
                  name="type"
                  value={values.type}
                  onChange={(event) => setValues((current) => ({ ...current, type: event.target.value as CustomFieldType }))}
                >
                  {FIELD_TYPES.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
      </div>
      {type === "DROPDOWN" && (
        <Field
          label="Options"
          hint={definition ? "One per line. Options that customers have cannot be removed." : "One per line."}
          error={fieldError(errors, "options")}
        >
          {(control) => (
            <textarea
              {...control}
              name="options"
              rows={4}
              value={values.options}
              onChange={(event) => setValues((current) => ({ ...current, options: event.target.value }))}
            />
          )}
        </Field>
      )}
      <div className="form__row">
        <CheckboxField
          label="Required"
          name="required"
          checked={values.required}
          error={fieldError(errors, "required")}
          onChange={(checked) => setValues((current) => ({ ...current, required: checked }))}
        />
        <CheckboxField
          label="Shown in the booking form"
          name="inBookingForm"
          checked={values.inBookingForm}
          error={fieldError(errors, "inBookingForm")}
          onChange={(checked) => setValues((current) => ({ ...current, inBookingForm: checked }))}
        />
      </div>
    </EntityFormFrame>
  );
}
