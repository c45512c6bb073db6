import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { matchLabel, matchPlace } from "../utils/match";
import { HighlightedText, splitHighlight } from "./HighlightedText";

describe("HighlightedText", () => {
  it("marks the matched span (end exclusive)", () => {
    const { container } = render(<HighlightedText value="Anna Müller" highlight={{ start: 5, end: 11 }} />);
    expect(container.innerHTML).toBe("Anna <mark>Müller</mark>");
  });

  it("counts characters as the API does (code points, not UTF-16 units)", () => {
    expect(splitHighlight("🌸 Zoé Keller", { start: 2, end: 5 })).toEqual(["🌸 ", "Zoé", " Keller"]);
  });

  it("shows the plain value without a span, and clamps a span past the end", () => {
    expect(render(<HighlightedText value="+41791234567" highlight={null} />).container.innerHTML).toBe("+41791234567");
    expect(splitHighlight("abc", { start: 1, end: 99 })).toEqual(["a", "bc", ""]);
    expect(splitHighlight("abc", { start: 5, end: 2 })).toEqual(["abc", "", ""]);
  });
});

describe("where a match is shown", () => {
  const shown = { displayName: "Anna Müller", email: "anna@example.ch", phone: "+41791234567" };
  it("uses the cell that shows the same value, else a line of its own", () => {
    expect(matchPlace({ field: "name", value: "Anna Müller", highlight: null }, shown)).toBe("name");
    expect(matchPlace({ field: "email", value: "anna@example.ch", highlight: null }, shown)).toBe("email");
    expect(matchPlace({ field: "phone", value: "+41791234567", highlight: null }, shown)).toBe("phone");
    expect(matchPlace({ field: "phone", value: "+41441234567", highlight: null }, shown)).toBe("line");
    expect(matchPlace({ field: "company", value: "Acme AG", highlight: null }, shown)).toBe("line");
  });
  it("labels fields readably", () => {
    expect(matchLabel("company")).toBe("Company");
    expect(matchLabel("customFields.member_level")).toBe("Member level");
  });
});
