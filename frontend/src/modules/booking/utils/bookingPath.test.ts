import { describe, expect, it } from "vitest";
import { bookingSlug } from "./bookingPath";

describe("bookingSlug", () => {
  it("is the account slug of /book/<slug> only", () => {
    expect(bookingSlug("/book/demo")).toBe("demo");
    expect(bookingSlug("/book/praxis%20nord/")).toBe("praxis nord");
    expect(bookingSlug("/book/")).toBeNull();
    expect(bookingSlug("/customers")).toBeNull();
    expect(bookingSlug("/book/a/b")).toBeNull();
  });
});
