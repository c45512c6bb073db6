// State of the customer edit form: the values, the custom fields it shows (the account's
// definitions and any the customer has values for), and the save. Only changed fields are sent;
// nothing changed → done without a request.
import { useMemo, useState, type FormEvent } from "react";
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

  const onSubmit = (event: FormEvent) =>
    submit(event, {
      name: values,
      shown,
      save: async () => {
        const input = buildUpdateInput(customer, values, customFields);
        if (Object.keys(input).length === 0) {
          onDone();
          return null;
        }
        const result = await update({ id: customer.id, input });
        return { payload: result.data?.customerUpdate, error: result.error };
      },
      onSaved: onDone,
    });

  const set = <K extends keyof CustomerFormValues>(field: K, value: CustomerFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setAddress = (part: AddressField, value: string) =>
    setValues((current) => ({ ...current, address: { ...current.address, [part]: value } }));
  const setCustom = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));

  return { ref: form, values, set, setAddress, setCustom, customFields, errors, failure, busy: fetching, onSubmit };
}

export type CustomerEditFormState = ReturnType<typeof useCustomerEditForm>;
