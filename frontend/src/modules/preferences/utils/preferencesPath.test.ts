import { describe, expect, it } from "vitest";
import { preferencesToken } from "./preferencesPath";

describe("preferencesToken", () => {
  it("is the token of /preferences/<token> only", () => {
    expect(preferencesToken("/preferences/AbC-_.xyz")).toBe("AbC-_.xyz");
    expect(preferencesToken("/preferences/AbC.xyz/")).toBe("AbC.xyz");
    expect(preferencesToken("/preferences/")).toBeNull();
    expect(preferencesToken("/preferences/a/b")).toBeNull();
    expect(preferencesToken("/customers")).toBeNull();
    expect(preferencesToken("/preferences/%E0%A4%A")).toBeNull();
  });
});
