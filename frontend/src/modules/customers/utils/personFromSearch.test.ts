import { describe, expect, it } from "vitest";
import { personFromSearch } from "./personFromSearch";

describe("personFromSearch", () => {
  it("reads a name, an email and a phone from the search text", () => {
    expect(personFromSearch("Anna Maria Müller anna@Example.ch +41 79 100 00 19")).toEqual({
      firstName: "Anna Maria",
      lastName: "Müller",
      email: "anna@example.ch",
      mobilePhone: "+41 79 100 00 19",
    });
    expect(personFromSearch("Müller, Anna")).toEqual({ firstName: "Anna", lastName: "Müller", email: "", mobilePhone: "" });
    expect(personFromSearch("Keller")).toEqual({ firstName: "", lastName: "Keller", email: "", mobilePhone: "" });
    expect(personFromSearch("079 100 00 19")).toEqual({ firstName: "", lastName: "", email: "", mobilePhone: "079 100 00 19" });
    expect(personFromSearch("ben@example.com")).toMatchObject({ email: "ben@example.com", firstName: "", lastName: "" });
  });
});
