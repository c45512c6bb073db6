import { describe, expect, it } from "vitest";
import { channelProblem, defaultMedium, sendBlockedReason, type Reachable } from "./channels";

const anna: Reachable = {
  communicationStatus: "ALLOWED",
  email: "anna@example.ch",
  emailEnabled: true,
  mobilePhone: "+41791234567",
  smsEnabled: true,
  preferredMedium: "SMS",
};

describe("message channels", () => {
  it("needs the channel switched on and an address", () => {
    expect(channelProblem(anna, "EMAIL")).toBeNull();
    expect(channelProblem({ ...anna, emailEnabled: false }, "EMAIL")).toBe("Email is switched off for this customer.");
    expect(channelProblem({ ...anna, email: null }, "EMAIL")).toBe("The customer has no email address.");
    expect(channelProblem({ ...anna, mobilePhone: null }, "SMS")).toBe("The customer has no mobile phone number.");
  });

  it("refuses a blocked customer and one with no usable channel", () => {
    expect(sendBlockedReason(anna)).toBeNull();
    expect(sendBlockedReason({ ...anna, communicationStatus: "BLOCKED" })).toMatch(/blocked/);
    expect(sendBlockedReason({ ...anna, smsEnabled: false, email: null })).toMatch(/Neither email nor SMS/);
  });

  it("starts with the preferred channel if usable, else the other", () => {
    expect(defaultMedium(anna)).toBe("SMS");
    expect(defaultMedium({ ...anna, smsEnabled: false })).toBe("EMAIL");
    expect(defaultMedium({ ...anna, preferredMedium: null })).toBe("EMAIL");
  });
});
