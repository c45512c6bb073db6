// "Add customer": name, email, phone and the required custom fields (a new customer must have
// them); the API's userErrors appear at their fields. A phone another customer has is a warning
// naming them, with "Create anyway" (allowSharedPhone); changing a value withdraws it.
import { useState, type SyntheticEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { CustomerListItemFieldsFragment, CustomerWarningFieldsFragment } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import { CustomerCreateMutation } from "../graphql/CustomerCreateMutation";
import { buildCreateInput, customFieldInput, type NewCustomerValues } from "../utils/customerForm";
import { editableCustomFields } from "../utils/customFields";
import { CustomFieldControl } from "../../../shared/components/CustomFieldControl";
import { useCustomerFormSubmit } from "../hooks/useCustomerFormSubmit";
import { errorsAt, FormErrorSummary } from "./UserErrorMessages";
import { SharedPhoneWarnings } from "./SharedPhoneWarnings";
import { FormActions } from "../../../shared/components/FormActions";

const FIELDS = ["firstName", "lastName", "email", "mobilePhone"] as const;
const EMPTY: NewCustomerValues = { firstName: "", lastName: "", email: "", mobilePhone: "" };

interface Props {
  open: boolean;
  /** Values to start from (e.g. read from a search that found nobody). */
  initial?: NewCustomerValues;
  onClose: () => void;
  onCreated: (customer: CustomerListItemFieldsFragment) => void;
}

export function AddCustomerDialog({ open, initial, onClose, onCreated }: Props) {
  return (
    <Dialog open={open} title="Add customer" onClose={onClose}>
      <AddCustomerForm initial={initial ?? EMPTY} onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function AddCustomerForm({
  initial,
  onCancel,
  onCreated,
}: {
  initial: NewCustomerValues;
  onCancel: () => void;
  onCreated: Props["onCreated"];
}) {
  const [values, setValues] = useState<NewCustomerValues>(initial);
  const [{ fetching }, create] = useMutation(CustomerCreateMutation);
  const [definitionsResult] = useQuery({ query: CustomFieldDefinitionsQuery, variables: { includeArchived: false } });
  const required = editableCustomFields(definitionsResult.data?.customFieldDefinitions ?? [], []).filter(
    (field) => field.required,
  );
  const [custom, setCustom] = useState<Record<string, string | boolean>>({});
  const { form, errors, failure, submit } = useCustomerFormSubmit();
  const shown = new Set<string>([...FIELDS, ...required.map((field) => `customFields.${field.key}`)]);

  const [warnings, setWarnings] = useState<readonly CustomerWarningFieldsFragment[]>([]);

  const set = (field: keyof NewCustomerValues) => (event: { target: { value: string } }) => {
    setWarnings([]);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  const onSubmit = (event: SyntheticEvent, allowSharedPhone = false) =>
    submit(event, {
      name: values,
      shown: (field) => shown.has(field),
      save: async () => {
        const customFields = required
          .map((field) => ({ key: field.key, value: customFieldInput(field.type, custom[field.key] ?? (field.type === "CHECKBOX" ? false : "")) }))
          .filter((entry) => entry.value !== null);
        const result = await create({
          input: { ...buildCreateInput(values), ...(customFields.length ? { customFields } : {}) },
          ...(allowSharedPhone ? { allowSharedPhone } : {}),
        });
        setWarnings(result.data?.customerCreate?.warnings ?? []);
        return { payload: result.data?.customerCreate, error: result.error };
      },
      saved: (payload) => payload.customer !== null,
      onSaved: (payload) => {
        setValues(EMPTY);
        setCustom({});
        onCreated(payload.customer!);
      },
    });
  const error = (field: string) => errorsAt(errors, field);

  return (
    <form ref={form} className="form" onSubmit={onSubmit} noValidate aria-label="New customer">
      <p className="form__intro">A first or last name is required; everything else is optional.</p>
      <div className="form__row">
        <Field label="First name" error={error("firstName")}>
          {(control) => (
            <input {...control} name="firstName" data-autofocus autoComplete="off" value={values.firstName} onChange={set("firstName")} />
          )}
        </Field>
        <Field label="Last name" error={error("lastName")}>
          {(control) => (
            <input {...control} name="lastName" autoComplete="off" value={values.lastName} onChange={set("lastName")} />
          )}
        </Field>
      </div>
      <Field label="Email" error={error("email")}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} />
        )}
      </Field>
      <Field label="Mobile phone" error={error("mobilePhone")} hint="Any common format; add the country code (e.g. +49) for numbers from abroad.">
        {(control) => (
          <input {...control} name="mobilePhone" type="tel" autoComplete="off" value={values.mobilePhone} onChange={set("mobilePhone")} />
        )}
      </Field>
      {required.length > 0 && (
        <fieldset className="form__group">
          <legend>Required custom fields</legend>
          <div className="form__row">
            {required.map((field) => (
              <CustomFieldControl
                key={field.key}
                field={field}
                value={custom[field.key]}
                error={error(`customFields.${field.key}`)}
                onChange={(value) => setCustom((current) => ({ ...current, [field.key]: value }))}
              />
            ))}
          </div>
        </fieldset>
      )}
      <FormErrorSummary errors={errors.general} />
      <SharedPhoneWarnings
        warnings={warnings}
        busy={fetching}
        label="Create anyway"
        onConfirm={(event) => onSubmit(event, true)}
      />
      {failure && <ErrorState title="Could not save the customer" error={failure} />}
      <FormActions onCancel={onCancel} busy={fetching} label="Save" />
    </form>
  );
}
