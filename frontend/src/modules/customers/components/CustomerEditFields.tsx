// The controls of the customer edit form (see useCustomerEditForm), each with its userErrors.
import type { CommunicationStatus, Medium } from "../../../gql/graphql";
import { CheckboxField, Field } from "../../../shared/components/Field";
import type { CustomerEditFormState } from "../hooks/useCustomerEditForm";
import type { AddressField, TextField } from "../utils/customerForm";
import { CustomFieldControl } from "../../../shared/components/CustomFieldControl";
import { formatCustomValue } from "./CustomerDetails";
import { errorsAt } from "./UserErrorMessages";

type Form = { form: CustomerEditFormState };

export function TextInput({ form, field, label, type = "text", hint }: Form & { field: TextField; label: string; type?: string; hint?: string }) {
  return (
    <Field label={label} error={errorsAt(form.errors, field)} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={type}
          autoComplete="off"
          value={form.values[field]}
          onChange={(event) => form.set(field, event.target.value)}
        />
      )}
    </Field>
  );
}

export function AddressInput({ form, part, label, hint }: Form & { part: AddressField; label: string; hint?: string }) {
  const name = `address.${part}`;
  return (
    <Field label={label} error={errorsAt(form.errors, name)} hint={hint}>
      {(control) => (
        <input {...control} name={name} autoComplete="off" value={form.values.address[part]} onChange={(event) => form.setAddress(part, event.target.value)} />
      )}
    </Field>
  );
}

export function CheckboxInput({ form, field, label }: Form & { field: "emailEnabled" | "smsEnabled" | "archived"; label: string }) {
  return (
    <CheckboxField
      label={label}
      name={field}
      checked={form.values[field]}
      error={errorsAt(form.errors, field)}
      onChange={(checked) => form.set(field, checked)}
    />
  );
}

export function CommunicationFields({ form }: Form) {
  const { values, errors, set } = form;
  return (
    <fieldset className="form__group">
      <legend>Communication</legend>
      <div className="form__row form__row--3">
        <Field label="Communication status" error={errorsAt(errors, "communicationStatus")}>
          {(control) => (
            <select
              {...control}
              name="communicationStatus"
              value={values.communicationStatus}
              onChange={(event) => set("communicationStatus", event.target.value as CommunicationStatus)}
            >
              <option value="ALLOWED">ALLOWED (notifications may be sent)</option>
              <option value="BLOCKED">BLOCKED (communications disabled)</option>
            </select>
          )}
        </Field>
        <Field label="Preferred medium" error={errorsAt(errors, "preferredMedium")}>
          {(control) => (
            <select {...control} name="preferredMedium" value={values.preferredMedium} onChange={(event) => set("preferredMedium", event.target.value as "" | Medium)}>
              <option value="">No preference</option>
              <option value="EMAIL">Email</option>
              <option value="SMS">SMS</option>
            </select>
          )}
        </Field>
        <TextInput form={form} field="preferredLanguage" label="Preferred language" hint="A language tag such as de-CH or fr." />
      </div>
      <div className="form__row">
        <CheckboxInput form={form} field="emailEnabled" label="Email notifications" />
        <CheckboxInput form={form} field="smsEnabled" label="SMS notifications" />
      </div>
    </fieldset>
  );
}

/** The account's custom fields and any the customer has values for; archived ones read only. */
export function CustomFieldInputs({ form }: Form) {
  if (form.customFields.length === 0) return null;
  return (
    <fieldset className="form__group">
      <legend>Custom fields</legend>
      <div className="form__row">
        {form.customFields.map((field) =>
          field.archived ? (
            <p key={field.key} className="field field--readonly">
              <span className="field__label">{field.label}</span>
              <span>
                {formatCustomValue(field.type, field.value)} <span className="muted">(archived field, read only)</span>
              </span>
            </p>
          ) : (
            <CustomFieldControl
              key={field.key}
              field={field}
              value={form.values.custom[field.key]}
              error={errorsAt(form.errors, `customFields.${field.key}`)}
              onChange={(value) => form.setCustom(field.key, value)}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}
