// State of the customer edit form: the values, the custom fields it shows (the account's
// definitions and any the customer has values for), and the save. Only changed fields are sent;
// nothing changed → done without a request. A new phone another customer has is a warning
// (nothing saved) until "Save anyway" sends it again with allowSharedPhone.
import { useMemo, useState, type SyntheticEvent } from "react";
import type { CustomerWarningFieldsFragment } from "../../../gql/graphql";
import { useMutation, useQuery } from "urql";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import { CustomerUpdateMutation } from "../graphql/CustomerUpdateMutation";
import { editableCustomFields } from "../utils/customFields";
import {
  ADDRESS_FIELDS,
  buildUpdateInput,
  valuesFromCustomer,
  type AddressField,
  type Customer,
  type CustomerFormValues,
} from "../utils/customerForm";
import { useCustomerFormSubmit } from "./useCustomerFormSubmit";

/** Fields the form shows besides the text fields, the address and the custom fields. */
const OTHER_FIELDS = ["preferredMedium", "communicationStatus", "emailEnabled", "smsEnabled", "archived"];

export function useCustomerEditForm(customer: Customer, onDone: () => void) {
  const [values, setValues] = useState<CustomerFormValues>(() => valuesFromCustomer(customer));
  const [{ fetching }, update] = useMutation(CustomerUpdateMutation);
  const { form, errors, failure, submit } = useCustomerFormSubmit();
  const [definitionsResult] = useQuery({ query: CustomFieldDefinitionsQuery, variables: { includeArchived: false } });
  const customFields = useMemo(
    () => editableCustomFields(definitionsResult.data?.customFieldDefinitions, customer.customFields),
    [definitionsResult.data, customer.customFields],
  );

  const shown = useMemo(() => {
    const fields = new Set<string>([
      ...Object.keys(valuesFromCustomer(customer)).filter((key) => key !== "address" && key !== "custom"),
      ...OTHER_FIELDS,
      ...ADDRESS_FIELDS.map((part) => `address.${part}`),
      ...customFields.map((field) => `customFields.${field.key}`),
    ]);
    return (field: string) => fields.has(field);
  }, [customer, customFields]);

  const [warnings, setWarnings] = useState<readonly CustomerWarningFieldsFragment[]>([]);

  const onSubmit = (event: SyntheticEvent, allowSharedPhone = false) =>
    submit(event, {
      name: values,
      shown,
      save: async () => {
        const input = buildUpdateInput(customer, values, customFields);
        if (Object.keys(input).length === 0) {
          onDone();
          return null;
        }
        const result = await update({ id: customer.id, input, ...(allowSharedPhone ? { allowSharedPhone } : {}) });
        setWarnings(result.data?.customerUpdate?.warnings ?? []);
        return { payload: result.data?.customerUpdate, error: result.error };
      },
      // a warning (a shared phone) saved nothing: the form stays, with "Save anyway"
      saved: (payload) => !payload.warnings?.length,
      onSaved: onDone,
    });

  const set = <K extends keyof CustomerFormValues>(field: K, value: CustomerFormValues[K]) => {
    setWarnings([]);
    setValues((current) => ({ ...current, [field]: value }));
  };
  const setAddress = (part: AddressField, value: string) =>
    setValues((current) => ({ ...current, address: { ...current.address, [part]: value } }));
  const setCustom = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));

  return { ref: form, values, set, setAddress, setCustom, customFields, errors, warnings, failure, busy: fetching, onSubmit };
}

export type CustomerEditFormState = ReturnType<typeof useCustomerEditForm>;
