import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { BookingFormFieldsQuery } from "./BookingFormFieldsQuery";
import { BookingFormFieldsDocument, PublicBookingCreateDocument } from "./documents";
import { PublicBookingCreateMutation } from "./PublicBookingCreateMutation";

describe("the booking page's run-time documents", () => {
  it("are the operations codegen typed", () => {
    expect(print(BookingFormFieldsDocument)).toBe(print(BookingFormFieldsQuery));
    expect(print(PublicBookingCreateDocument)).toBe(print(PublicBookingCreateMutation));
  });
});
