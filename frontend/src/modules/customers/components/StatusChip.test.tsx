import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StatusChip } from "./StatusChip";

describe("StatusChip", () => {
  it("is green for ALLOWED and red for BLOCKED, and says so in words", () => {
    render(
      <>
        <StatusChip status="ALLOWED" />
        <StatusChip status="BLOCKED" />
      </>,
    );
    const allowed = screen.getByText("ALLOWED");
    const blocked = screen.getByText("BLOCKED");
    expect(allowed.className).toContain("chip--allowed");
    expect(blocked.className).toContain("chip--blocked");
    expect(allowed.textContent).toBe("Communication status: ALLOWED");
  });
});
