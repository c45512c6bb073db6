import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { PreferencesDocument, PreferencesUpdateDocument } from "./documents";
import { PreferencesQuery } from "./PreferencesQuery";
import { PreferencesUpdateMutation } from "./PreferencesUpdateMutation";

describe("the preferences page's run-time documents", () => {
  it("are the operations codegen typed", () => {
    expect(print(PreferencesDocument)).toBe(print(PreferencesQuery));
    expect(print(PreferencesUpdateDocument)).toBe(print(PreferencesUpdateMutation));
  });
});
