import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { appointment, listCustomer, profileCustomer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { AddCustomerDialog } from "./AddCustomerDialog";
import { CustomerProfilePage } from "./CustomerProfilePage";

const eva = listCustomer({ displayName: "Eva Keller", landlinePhone: "+41441234567" });

describe("a shared phone in the add form", () => {
  it("warns about a phone another customer has, links to them, and creates anyway", async () => {
    const paul = listCustomer({ displayName: "Paul Keller", mobilePhone: "+41441234567" });
    const api = mockClient({
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [] }),
      CustomerCreate: (variables) =>
        variables.allowSharedPhone
          ? { customerCreate: { __typename: "CustomerCreatePayload", customer: paul, userErrors: [], warnings: [] } }
          : {
              customerCreate: {
                __typename: "CustomerCreatePayload",
                customer: null,
                userErrors: [],
                warnings: [
                  {
                    __typename: "CustomerWarning",
                    code: "SHARED_PHONE",
                    field: "mobilePhone",
                    message: "Another customer already has this phone number.",
                    customer: { __typename: "Customer", id: eva.id, displayName: "Eva Keller" },
                  },
                ],
              },
            },
    });
    const onCreated = vi.fn();
    const { user } = renderPage(<AddCustomerDialog open onClose={() => {}} onCreated={onCreated} />, {
      client: api.client,
      path: "/customers",
    });
    const dialog = screen.getByRole("dialog", { name: "Add customer" });
    await user.type(within(dialog).getByLabelText("First name"), "Paul");
    await user.type(within(dialog).getByLabelText("Last name"), "Keller");
    await user.type(within(dialog).getByLabelText("Mobile phone"), "044 123 45 67");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    const warning = await within(dialog).findByRole("alert", { name: "Shared phone number" });
    expect(warning.textContent).toContain("Another customer already has this phone number.");
    expect(within(warning).getByRole("link", { name: "Eva Keller" }).getAttribute("href")).toBe(
      `/customers/${encodeURIComponent(eva.id)}`,
    );
    expect(onCreated).not.toHaveBeenCalled();
    expect(api.callsOf("CustomerCreate")[0].variables?.allowSharedPhone).toBeUndefined();

    await user.click(within(warning).getByRole("button", { name: "Create anyway" }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(paul));
    const calls = api.callsOf("CustomerCreate");
    expect(calls).toHaveLength(2);
    expect(calls[1].variables).toMatchObject({
      allowSharedPhone: true,
      input: { firstName: "Paul", lastName: "Keller", mobilePhone: "044 123 45 67" },
    });
    expect(within(dialog).queryByRole("alert", { name: "Shared phone number" })).toBeNull();
  });

  it("withdraws the warning when a value changes", async () => {
    const api = mockClient({
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [] }),
      CustomerCreate: () => ({
        customerCreate: {
          __typename: "CustomerCreatePayload",
          customer: null,
          userErrors: [],
          warnings: [
            {
              __typename: "CustomerWarning",
              code: "SHARED_PHONE",
              field: "mobilePhone",
              message: "Another customer already has this phone number.",
              customer: { __typename: "Customer", id: eva.id, displayName: "Eva Keller" },
            },
          ],
        },
      }),
    });
    const { user } = renderPage(<AddCustomerDialog open onClose={() => {}} onCreated={() => {}} />, {
      client: api.client,
      path: "/customers",
    });
    const dialog = screen.getByRole("dialog", { name: "Add customer" });
    await user.type(within(dialog).getByLabelText("First name"), "Paul");
    await user.type(within(dialog).getByLabelText("Mobile phone"), "044 123 45 67");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await within(dialog).findByRole("alert", { name: "Shared phone number" });

    await user.type(within(dialog).getByLabelText("Mobile phone"), "8");
    expect(within(dialog).queryByRole("alert", { name: "Shared phone number" })).toBeNull();
  });
});

describe("a shared phone in the edit form", () => {
  it("keeps the form open with the warning, then saves anyway", async () => {
    const customer = profileCustomer({}, [appointment()]);
    const api = mockClient(
      {
        CustomerProfile: () => ({ customer }),
        CustomFieldDefinitions: () => ({ customFieldDefinitions: [] }),
        CustomerUpdate: (variables) =>
          variables.allowSharedPhone
            ? {
                customerUpdate: {
                  __typename: "CustomerUpdatePayload",
                  customer: { ...customer, appointments: undefined, nextAppointment: null, landlinePhone: "+41441234567", landlinePhoneDisplay: "044 123 45 67" },
                  userErrors: [],
                  warnings: [],
                },
              }
            : {
                customerUpdate: {
                  __typename: "CustomerUpdatePayload",
                  customer: null,
                  userErrors: [],
                  warnings: [
                    {
                      __typename: "CustomerWarning",
                      code: "SHARED_PHONE",
                      field: "landlinePhone",
                      message: "Another customer already has this phone number.",
                      customer: { __typename: "Customer", id: eva.id, displayName: "Eva Keller" },
                    },
                  ],
                },
              },
      },
      { cache: true },
    );
    const { user } = renderPage(<CustomerProfilePage />, {
      client: api.client,
      path: `/customers/${encodeURIComponent(customer.id)}`,
      pattern: "/customers/:id",
    });
    await screen.findByRole("heading", { level: 1, name: customer.displayName });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit customer" });
    await user.clear(within(form).getByLabelText("Landline phone"));
    await user.type(within(form).getByLabelText("Landline phone"), "044 123 45 67");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const warning = await within(form).findByRole("alert", { name: "Shared phone number" });
    expect(within(warning).getByRole("link", { name: "Eva Keller" })).toBeTruthy();
    await user.click(within(warning).getByRole("button", { name: "Save anyway" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit customer" })).toBeNull());
    const calls = api.callsOf("CustomerUpdate");
    expect(calls.map((call) => call.variables?.allowSharedPhone)).toEqual([undefined, true]);
    expect(calls[1].variables?.input).toEqual({ landlinePhone: "044 123 45 67" });
  });
});
