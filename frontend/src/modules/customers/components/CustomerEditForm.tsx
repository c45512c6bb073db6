// Edit every field of a customer. Only changed fields are sent (omitted = leave alone); an
// emptied field is sent as null (clear). The API's userErrors appear at their fields.
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQuery, type CombinedError } from "urql";
import type { CommunicationStatus, Medium } from "../../../gql/graphql";
import { CheckboxField, Field } from "../../../shared/components/Field";
import { ErrorState } from "../../../shared/components/States";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import { CustomerUpdateMutation } from "../graphql/CustomerUpdateMutation";
import { editableCustomFields } from "../utils/customFields";
import {
  buildUpdateInput,
  valuesFromCustomer,
  type AddressField,
  type Customer,
  type CustomerFormValues,
  type TextField,
} from "../utils/customerForm";
import { groupUserErrors, NO_ERRORS, type GroupedErrors } from "../utils/userErrors";
import { CustomFieldControl } from "./CustomFieldControl";
import { formatCustomValue } from "./CustomerDetails";
import { FormErrorSummary, UserErrorMessages } from "./UserErrorMessages";
import { FormActions } from "../../../shared/components/FormActions";

interface Props {
  customer: Customer;
  onDone: () => void;
}

const OTHER_FIELDS = ["preferredMedium", "communicationStatus", "emailEnabled", "smsEnabled", "archived"];

export function CustomerEditForm({ customer, onDone }: Props) {
  const [values, setValues] = useState<CustomerFormValues>(() => valuesFromCustomer(customer));
  const [errors, setErrors] = useState<GroupedErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<CombinedError | Error | null>(null);
  const [{ fetching }, update] = useMutation(CustomerUpdateMutation);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, errors);
  const [definitionsResult] = useQuery({ query: CustomFieldDefinitionsQuery, variables: { includeArchived: false } });
  const customFields = useMemo(
    () => editableCustomFields(definitionsResult.data?.customFieldDefinitions, customer.customFields),
    [definitionsResult.data, customer.customFields],
  );

  const shown = useMemo(() => {
    const fields = new Set<string>([
      ...Object.keys(valuesFromCustomer(customer)).filter((key) => key !== "address" && key !== "custom"),
      ...OTHER_FIELDS,
      "address.street",
      "address.postcode",
      "address.city",
      "address.country",
      ...customFields.map((field) => `customFields.${field.key}`),
    ]);
    return (field: string) => fields.has(field);
  }, [customer, customFields]);

  const error = (field: string): ReactNode =>
    errors.byField[field] ? <UserErrorMessages errors={errors.byField[field]} /> : undefined;

  const setText = (field: TextField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const setAddress = (part: AddressField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, address: { ...current.address, [part]: event.target.value } }));
  const setCustom = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));

  const text = (field: TextField, label: string, props: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <Field label={label} error={error(field)} hint={props.hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          value={values[field]}
          onChange={setText(field)}
        />
      )}
    </Field>
  );

  const address = (part: AddressField, label: string, hint?: string) => (
    <Field label={label} error={error(`address.${part}`)} hint={hint}>
      {(control) => (
        <input {...control} name={`address.${part}`} autoComplete="off" value={values.address[part]} onChange={setAddress(part)} />
      )}
    </Field>
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!values.firstName.trim() && !values.lastName.trim()) {
      setErrors({
        byField: {
          firstName: [
            { field: "firstName", message: "A first or last name is required.", code: "REQUIRED", existingCustomerId: null },
          ],
        },
        general: [],
      });
      return;
    }
    const input = buildUpdateInput(customer, values, customFields);
    if (Object.keys(input).length === 0) {
      onDone();
      return;
    }
    const result = await update({ id: customer.id, input });
    const payload = result.data?.customerUpdate;
    if (result.error || !payload) {
      setFailure(result.error ?? new Error("The server sent no answer."));
      return;
    }
    if (payload.userErrors.length > 0) {
      setErrors(groupUserErrors(payload.userErrors, shown));
      return;
    }
    onDone();
  }

  return (
    <form ref={form} className="form card edit-form" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title" className="card__title">
        Edit customer
      </h2>

      <fieldset className="form__group">
        <legend>Name</legend>
        <div className="form__row form__row--3">
          {text("salutation", "Salutation", { hint: "Mr, Ms, Dr…" })}
          {text("firstName", "First name")}
          {text("lastName", "Last name")}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Contact</legend>
        <div className="form__row form__row--3">
          {text("email", "Email", { type: "email" })}
          {text("mobilePhone", "Mobile phone", { type: "tel" })}
          {text("landlinePhone", "Landline phone", { type: "tel" })}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Communication</legend>
        <div className="form__row form__row--3">
          <Field label="Communication status" error={error("communicationStatus")}>
            {(control) => (
              <select
                {...control}
                name="communicationStatus"
                value={values.communicationStatus}
                onChange={(event) =>
                  setValues((current) => ({ ...current, communicationStatus: event.target.value as CommunicationStatus }))
                }
              >
                <option value="ALLOWED">ALLOWED (notifications may be sent)</option>
                <option value="BLOCKED">BLOCKED (communications disabled)</option>
              </select>
            )}
          </Field>
          <Field label="Preferred medium" error={error("preferredMedium")}>
            {(control) => (
              <select
                {...control}
                name="preferredMedium"
                value={values.preferredMedium}
                onChange={(event) =>
                  setValues((current) => ({ ...current, preferredMedium: event.target.value as "" | Medium }))
                }
              >
                <option value="">No preference</option>
                <option value="EMAIL">Email</option>
                <option value="SMS">SMS</option>
              </select>
            )}
          </Field>
          {text("preferredLanguage", "Preferred language", { hint: "A language tag such as de-CH or fr." })}
        </div>
        <div className="form__row">
          <CheckboxField
            label="Email notifications"
            name="emailEnabled"
            checked={values.emailEnabled}
            error={error("emailEnabled")}
            onChange={(checked) => setValues((current) => ({ ...current, emailEnabled: checked }))}
          />
          <CheckboxField
            label="SMS notifications"
            name="smsEnabled"
            checked={values.smsEnabled}
            error={error("smsEnabled")}
            onChange={(checked) => setValues((current) => ({ ...current, smsEnabled: checked }))}
          />
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Details</legend>
        <div className="form__row">
          {text("company", "Company")}
          {text("dateOfBirth", "Date of birth", { type: "date" })}
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Address</legend>
        {address("street", "Street and number")}
        <div className="form__row form__row--3">
          {address("postcode", "Postcode")}
          {address("city", "City")}
          {address("country", "Country", "Two-letter code, e.g. CH.")}
        </div>
      </fieldset>

      {customFields.length > 0 && (
        <fieldset className="form__group">
          <legend>Custom fields</legend>
          <div className="form__row">
            {customFields.map((field) =>
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
                  value={values.custom[field.key]}
                  error={error(`customFields.${field.key}`)}
                  onChange={(value) => setCustom(field.key, value)}
                />
              ),
            )}
          </div>
        </fieldset>
      )}

      <Field label="Internal notes" error={error("notes")} hint="Never shown to the customer.">
        {(control) => <textarea {...control} name="notes" rows={5} value={values.notes} onChange={setText("notes")} />}
      </Field>

      <CheckboxField
        label="Archived (hidden from the customer list)"
        name="archived"
        checked={values.archived}
        error={error("archived")}
        onChange={(checked) => setValues((current) => ({ ...current, archived: checked }))}
      />

      <FormErrorSummary errors={errors.general} />
      {failure && <ErrorState title="The changes could not be saved." error={failure} />}
      <FormActions onCancel={onDone} busy={fetching} label="Save changes" />
    </form>
  );
}
