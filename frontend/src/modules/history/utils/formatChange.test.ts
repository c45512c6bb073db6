import { describe, expect, it } from "vitest";
import { fieldLabel, formatJsonValue } from "./formatChange";

describe("formatJsonValue", () => {
  it("shows nothing as a dash and booleans as Yes/No", () => {
    expect(formatJsonValue(null)).toBe("—");
    expect(formatJsonValue("")).toBe("—");
    expect(formatJsonValue(true)).toBe("Yes");
    expect(formatJsonValue(false)).toBe("No");
  });

  it("shows objects as key: value pairs and lists joined", () => {
    expect(formatJsonValue({ street: "Main 1", city: "Bern", country: null })).toBe("street: Main 1, city: Bern");
    expect(formatJsonValue(["Haircut", "Colour"])).toBe("Haircut, Colour");
    expect(formatJsonValue({})).toBe("—");
    expect(formatJsonValue(4)).toBe("4");
  });
});

describe("fieldLabel", () => {
  it("turns API field names into words", () => {
    expect(fieldLabel("mobilePhone")).toBe("Mobile phone");
    expect(fieldLabel("address.city")).toBe("Address city");
    expect(fieldLabel("customFields.vip")).toBe("Custom field vip");
  });
});
