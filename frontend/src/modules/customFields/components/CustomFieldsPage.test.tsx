import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CustomFieldDefinitionDeleteMutation } from "../../../gql/graphql";
import { customerError, fieldDefinition, type Data } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { keyFromLabel, parseOptions } from "../utils/definitionForm";
import { CustomFieldsPage } from "./CustomFieldsPage";

/** The payload of creating, changing and deleting a definition (one type in the schema). */
type Payload = Data<CustomFieldDefinitionDeleteMutation>["customFieldDefinitionDelete"];
const payload = (extra: Partial<Payload>): Payload => ({
  __typename: "CustomFieldDefinitionPayload",
  customFieldDefinition: null,
  archivedInstead: false,
  userErrors: [],
  ...extra,
});

describe("CustomFieldsPage", () => {
  it("lists every field, archived ones marked with Restore instead of Edit and Delete", async () => {
    const api = mockClient({
      CustomFieldDefinitions: () => ({
        customFieldDefinitions: [
          fieldDefinition({ required: true }),
          fieldDefinition({ key: "old", label: "Old notes", type: "TEXT", options: [], archived: true }),
        ],
      }),
    });
    renderPage(<CustomFieldsPage />, { client: api.client });
    const list = await screen.findByRole("list", { name: "Custom fields" });
    const [tier, old] = within(list).getAllByRole("listitem");
    expect(tier.textContent).toContain("level · Dropdown · required · options: Gold, Silver");
    expect(within(tier).getByRole("button", { name: "Edit Membership tier" })).toBeTruthy();
    expect(within(old).getByText("Archived")).toBeTruthy();
    expect(within(old).getByRole("button", { name: "Restore Old notes" })).toBeTruthy();
    expect(within(old).queryByRole("button", { name: "Delete Old notes" })).toBeNull();
    expect(api.callsOf("CustomFieldDefinitions")[0].variables).toEqual({ includeArchived: true });
  });

  it("creates a dropdown: key from the label, options one per line, userErrors at their fields", async () => {
    let attempt = 0;
    const api = mockClient({
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [] }),
      CustomFieldDefinitionCreate: (variables) => {
        attempt += 1;
        const input = variables.input as { key: string; label: string };
        return attempt === 1
          ? { customFieldDefinitionCreate: payload({ userErrors: [customerError("options", "A dropdown needs distinct, non-empty options.")] }) }
          : { customFieldDefinitionCreate: payload({ customFieldDefinition: fieldDefinition({ key: input.key, label: input.label }) }) };
      },
    });
    const { user } = renderPage(<CustomFieldsPage />, { client: api.client });
    const form = await screen.findByRole("form", { name: "Add a custom field" });
    await user.type(within(form).getByLabelText("Label"), "Membership tier");
    expect((within(form).getByLabelText("Key") as HTMLInputElement).value).toBe("membership_tier");
    expect(within(form).queryByLabelText("Options")).toBeNull();
    await user.selectOptions(within(form).getByLabelText("Type"), "DROPDOWN");
    await user.click(within(form).getByRole("button", { name: "Add field" }));

    const options = within(form).getByLabelText("Options");
    await waitFor(() => expect(options.getAttribute("aria-invalid")).toBe("true"));
    expect(form.textContent).toContain("A dropdown needs distinct, non-empty options.");

    await user.type(options, "Gold{Enter}Silver{Enter}{Enter}Gold");
    await user.click(within(form).getByRole("button", { name: "Add field" }));
    await within(form).findByText("Custom field added: Membership tier.");
    expect(api.callsOf("CustomFieldDefinitionCreate")[1].variables).toEqual({
      input: { key: "membership_tier", label: "Membership tier", type: "DROPDOWN", options: ["Gold", "Silver"], required: false, inBookingForm: false },
    });
  });

  it("edits only what changed (the type is fixed); deleting a field in use says it was archived instead", async () => {
    const tier = fieldDefinition();
    const api = mockClient({
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [tier] }),
      CustomFieldDefinitionUpdate: () => ({
        customFieldDefinitionUpdate: payload({ userErrors: [customerError("options", "Customers still have these values: Silver")] }),
      }),
      CustomFieldDefinitionDelete: () => ({
        customFieldDefinitionDelete: payload({ customFieldDefinition: { ...tier, archived: true }, archivedInstead: true }),
      }),
    });
    const { user } = renderPage(<CustomFieldsPage />, { client: api.client });
    await user.click(await screen.findByRole("button", { name: "Edit Membership tier" }));
    const form = screen.getByRole("form", { name: "Edit Membership tier" });
    expect(within(form).queryByLabelText("Type")).toBeNull();
    expect(form.textContent).toContain("level · Dropdown (cannot change)");
    const options = within(form).getByLabelText("Options");
    await user.clear(options);
    await user.type(options, "Gold");
    await user.click(within(form).getByLabelText("Required"));
    await user.click(within(form).getByRole("button", { name: "Save field" }));
    await waitFor(() => expect(options.getAttribute("aria-invalid")).toBe("true"));
    expect(form.textContent).toContain("Customers still have these values: Silver");
    expect(api.callsOf("CustomFieldDefinitionUpdate")[0].variables).toEqual({
      id: tier.id,
      input: { options: ["Gold"], required: true },
    });

    await user.click(screen.getByRole("button", { name: "Delete Membership tier" }));
    const dialog = screen.getByRole("dialog", { name: "Delete custom field?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete field" }));
    expect((await screen.findByRole("status")).textContent).toContain(
      "Membership tier was archived instead of deleted: customers have values for it.",
    );
  });
});

describe("definition form helpers", () => {
  it("makes keys the API accepts and parses options", () => {
    expect(keyFromLabel("Member since")).toBe("member_since");
    expect(keyFromLabel("Größe (cm)")).toBe("grosse_cm");
    expect(keyFromLabel("2nd phone")).toBe("field_2nd_phone");
    expect(parseOptions(" Gold \n\nSilver\nGold")).toEqual(["Gold", "Silver"]);
  });
});
