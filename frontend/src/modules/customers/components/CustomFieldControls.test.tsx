// The edit form's custom fields: every active definition with its own control, required ones
// marked, userErrors "customFields.<key>" at their control, typed values sent.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CustomerUpdateMutation } from "../../../gql/graphql";
import { customerError, fieldDefinition, profileCustomer, type Data } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { CustomerProfilePage } from "./CustomerProfilePage";

const definitions = [
  fieldDefinition({ key: "level", label: "Membership tier", type: "DROPDOWN", options: ["Gold", "Silver"], required: true }),
  fieldDefinition({ key: "member_since", label: "Member since", type: "DATE" }),
  fieldDefinition({ key: "nickname", label: "Nickname", type: "TEXT" }),
  fieldDefinition({ key: "visits", label: "Visits per year", type: "NUMBER" }),
  fieldDefinition({ key: "vip", label: "VIP", type: "CHECKBOX" }),
];

function setup(handlers: Record<string, Handler>) {
  const customer = profileCustomer({
    customFields: [
      { __typename: "CustomFieldValue", key: "vip", label: "VIP", type: "CHECKBOX", value: true, archived: false },
      { __typename: "CustomFieldValue", key: "visits", label: "Visits per year", type: "NUMBER", value: 4, archived: false },
      { __typename: "CustomFieldValue", key: "old", label: "Old field", type: "TEXT", value: "kept", archived: true },
    ],
  });
  const api = mockClient(
    {
      CustomerProfile: () => ({ customer }),
      CustomFieldDefinitions: () => ({ customFieldDefinitions: definitions }),
      ...handlers,
    },
    { cache: true },
  );
  const view = renderPage(<CustomerProfilePage />, {
    client: api.client,
    path: `/customers/${encodeURIComponent(customer.id)}`,
    pattern: "/customers/:id",
  });
  return { ...view, api, customer };
}

const updateError = (field: string, message: string): Data<CustomerUpdateMutation> => ({
  customerUpdate: { __typename: "CustomerUpdatePayload", customer: null, userErrors: [customerError(field, message, "REQUIRED")], warnings: [] },
});

describe("custom fields in the edit form", () => {
  it("offers each field with the control its type needs; archived values are read only", async () => {
    const { user } = setup({});
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit customer" });
    const group = await within(form).findByRole("group", { name: "Custom fields" });
    await within(group).findByLabelText(/Membership tier/);

    const tier = within(group).getByLabelText(/Membership tier/) as HTMLSelectElement;
    expect(tier.tagName).toBe("SELECT");
    expect([...tier.options].map((option) => option.text)).toEqual(["Choose…", "Gold", "Silver"]);
    expect(tier.getAttribute("aria-required")).toBe("true");
    expect(tier.closest(".field")!.querySelector(".field__required")).toBeTruthy();
    expect((within(group).getByLabelText("Member since") as HTMLInputElement).type).toBe("date");
    expect((within(group).getByLabelText("Nickname") as HTMLInputElement).type).toBe("text");
    const visits = within(group).getByLabelText("Visits per year") as HTMLInputElement;
    expect(visits.type).toBe("number");
    expect(visits.value).toBe("4");
    expect((within(group).getByLabelText("VIP") as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByText("Old field").parentElement!.textContent).toContain("kept (archived field, read only)");
  });

  it("sends typed values, and shows a customFields.<key> error next to its control", async () => {
    let attempt = 0;
    const { user, api } = setup({
      CustomerUpdate: () => {
        attempt += 1;
        return attempt === 1
          ? updateError("customFields.level", "Membership tier is required.")
          : { customerUpdate: { __typename: "CustomerUpdatePayload", customer: null, userErrors: [] } };
      },
    });
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit customer" });
    const tier = await within(form).findByLabelText(/Membership tier/);

    await user.type(within(form).getByLabelText("Member since"), "2020-05-01");
    await user.clear(within(form).getByLabelText("Visits per year"));
    await user.type(within(form).getByLabelText("Visits per year"), "6.5");
    await user.click(within(form).getByLabelText("VIP"));
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(tier.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = tier.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain("Membership tier is required.");
    expect(api.callsOf("CustomerUpdate")[0].variables?.input).toEqual({
      customFields: [
        { key: "member_since", value: "2020-05-01" },
        { key: "visits", value: 6.5 },
        { key: "vip", value: false },
      ],
    });

    await user.selectOptions(tier, "Gold");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(api.callsOf("CustomerUpdate")).toHaveLength(2));
    expect(api.callsOf("CustomerUpdate")[1].variables?.input).toMatchObject({
      customFields: expect.arrayContaining([{ key: "level", value: "Gold" }]),
    });
  });
});
