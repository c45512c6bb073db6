import { describe, expect, it } from "vitest";
import { groupUserErrors } from "./userErrors";

describe("groupUserErrors", () => {
  it("puts errors at the fields the form shows and the rest in general", () => {
    const errors = [
      { field: "mobilePhone", message: "Not a phone number.", code: "INVALID_PHONE" as const, existingCustomerId: null },
      { field: "address.city", message: "At most 100 characters.", code: "TOO_LONG" as const, existingCustomerId: null },
      { field: null, message: "Something else.", code: "INVALID" as const, existingCustomerId: null },
    ];
    const grouped = groupUserErrors(errors, (field) => field === "mobilePhone" || field === "address.city");
    expect(Object.keys(grouped.byField)).toEqual(["mobilePhone", "address.city"]);
    expect(grouped.general.map((e) => e.message)).toEqual(["Something else."]);
  });
});
