import { describe, expect, it } from "vitest";
import { profileCustomer } from "../../../test/fixtures";
import { buildCreateInput, buildUpdateInput, missingName, NAME_REQUIRED, valuesFromCustomer } from "./customerForm";

const customer = profileCustomer();

describe("buildUpdateInput", () => {
  it("sends nothing when nothing changed", () => {
    expect(buildUpdateInput(customer, valuesFromCustomer(customer))).toEqual({});
  });

  it("sends changed fields only, and null for an emptied one", () => {
    const values = { ...valuesFromCustomer(customer), lastName: "Meier", email: "  ", smsEnabled: true };
    expect(buildUpdateInput(customer, values)).toEqual({ lastName: "Meier", email: null, smsEnabled: true });
  });

  it("replaces the whole address when a part changes, and clears it when all parts are empty", () => {
    const values = valuesFromCustomer(customer);
    expect(buildUpdateInput(customer, { ...values, address: { ...values.address, city: "Bern" } })).toEqual({
      address: { street: "Bahnhofstrasse 1", postcode: "8001", city: "Bern", country: "CH" },
    });
    expect(
      buildUpdateInput(customer, { ...values, address: { street: "", postcode: "", city: "", country: "" } }),
    ).toEqual({ address: null });
  });

  it("sends typed custom values for changed custom fields only", () => {
    const values = valuesFromCustomer(customer);
    expect(buildUpdateInput(customer, { ...values, custom: { vip: false, visits: "6" } })).toEqual({
      customFields: [
        { key: "vip", value: false },
        { key: "visits", value: 6 },
      ],
    });
    expect(buildUpdateInput(customer, { ...values, custom: { ...values.custom, visits: "" } })).toEqual({
      customFields: [{ key: "visits", value: null }],
    });
  });

  it("distinguishes no preference (null) from leaving the medium alone", () => {
    const values = valuesFromCustomer(customer);
    expect(buildUpdateInput(customer, { ...values, preferredMedium: "" })).toEqual({ preferredMedium: null });
    expect(buildUpdateInput(customer, { ...values, archived: true })).toEqual({ archived: true });
  });
});

describe("buildCreateInput", () => {
  it("trims and turns blanks into null", () => {
    expect(buildCreateInput({ firstName: " Eva ", lastName: "", email: "eva@example.ch", mobilePhone: "" })).toEqual({
      firstName: "Eva",
      lastName: null,
      email: "eva@example.ch",
      mobilePhone: null,
    });
  });
});

describe("missingName", () => {
  it("asks for a first or a last name, at the first name", () => {
    expect(missingName({ firstName: " ", lastName: "" })).toEqual([
      { field: "firstName", message: NAME_REQUIRED, code: "REQUIRED", existingCustomerId: null },
    ]);
    expect(missingName({ firstName: "", lastName: "Frei" })).toEqual([]);
    expect(missingName({ firstName: "Eva", lastName: "" })).toEqual([]);
  });
});
