// Edit every field of a customer. Only changed fields are sent (omitted = leave alone); an
// emptied field is sent as null (clear). The API's userErrors appear at their fields; a shared
// phone is a warning with "Save anyway".
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState } from "../../../shared/components/States";
import { useCustomerEditForm } from "../hooks/useCustomerEditForm";
import type { Customer } from "../utils/customerForm";
import { AddressInput, CheckboxInput, CommunicationFields, CustomFieldInputs, TextInput } from "./CustomerEditFields";
import { errorsAt, FormErrorSummary } from "./UserErrorMessages";
import { SharedPhoneWarnings } from "./SharedPhoneWarnings";

interface Props {
  customer: Customer;
  onDone: () => void;
}

export function CustomerEditForm({ customer, onDone }: Props) {
  const form = useCustomerEditForm(customer, onDone);
  const { values, errors } = form;

  return (
    <form ref={form.ref} className="form card edit-form" onSubmit={form.onSubmit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title" className="card__title">
        Edit customer
      </h2>

      <fieldset className="form__group">
        <legend>Name</legend>
        <div className="form__row form__row--3">
          <TextInput form={form} field="salutation" label="Salutation" hint="Mr, Ms, Dr…" />
          <TextInput form={form} field="firstName" label="First name" />
          <TextInput form={form} field="lastName" label="Last name" />
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Contact</legend>
        <div className="form__row form__row--3">
          <TextInput form={form} field="email" label="Email" type="email" />
          <TextInput form={form} field="mobilePhone" label="Mobile phone" type="tel" />
          <TextInput form={form} field="landlinePhone" label="Landline phone" type="tel" />
        </div>
      </fieldset>

      <CommunicationFields form={form} />

      <fieldset className="form__group">
        <legend>Details</legend>
        <div className="form__row">
          <TextInput form={form} field="company" label="Company" />
          <TextInput form={form} field="dateOfBirth" label="Date of birth" type="date" />
        </div>
      </fieldset>

      <fieldset className="form__group">
        <legend>Address</legend>
        <AddressInput form={form} part="street" label="Street and number" />
        <div className="form__row form__row--3">
          <AddressInput form={form} part="postcode" label="Postcode" />
          <AddressInput form={form} part="city" label="City" />
          <AddressInput form={form} part="country" label="Country" hint="Two-letter code, e.g. CH." />
        </div>
      </fieldset>

      <CustomFieldInputs form={form} />

      <Field label="Internal notes" error={errorsAt(errors, "notes")} hint="Never shown to the customer.">
        {(control) => <textarea {...control} name="notes" rows={5} value={values.notes} onChange={(event) => form.set("notes", event.target.value)} />}
      </Field>

      <CheckboxInput form={form} field="archived" label="Archived (hidden from the customer list)" />

      <FormErrorSummary errors={errors.general} />
      <SharedPhoneWarnings warnings={form.warnings} busy={form.busy} label="Save anyway" onConfirm={(event) => form.onSubmit(event, true)} />
      {form.failure && <ErrorState title="The changes could not be saved." error={form.failure} />}
      <FormActions onCancel={onDone} busy={form.busy} label="Save changes" />
    </form>
  );
}
